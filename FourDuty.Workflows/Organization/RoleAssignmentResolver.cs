using FourDuty.Engine.Runtime.Tasks;

namespace FourDuty.Workflows.Organization;

/// <summary>
/// Lets models assign by role instead of by name: <c>camunda:assignee="role:DisciplineSecretary"</c> gives the
/// task to the discipline secretary, <c>camunda:candidateUsers="role:LeadershipMember"</c> offers it to every
/// leadership member. Names that are not roles pass through unchanged.
/// </summary>
public sealed class RoleAssignmentResolver(PeopleDirectory directory) : ITaskAssignmentResolver
{
    private const string RolePrefix = "role:";

    /// <inheritdoc />
    public TaskAssignment Resolve(TaskAssignmentRequest request)
    {
        var proposed = request.Proposed;
        var assignee = proposed.Assignee;
        var candidates = proposed.CandidateUsers.SelectMany(Expand).ToList();
        if (assignee is not null && assignee.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            var holders = Expand(assignee).ToList();
            // One holder takes the task; several (a role many hold) are offered it instead.
            assignee = holders.Count == 1 ? holders[0] : null;
            if (holders.Count > 1)
            {
                candidates.AddRange(holders);
            }
        }

        return new TaskAssignment(assignee, candidates.Distinct(StringComparer.Ordinal).ToList(), proposed.CandidateGroups);
    }

    private IEnumerable<string> Expand(string name) =>
        name.StartsWith(RolePrefix, StringComparison.Ordinal)
            ? directory.WithRole(name[RolePrefix.Length..]).Select(p => p.Id)
            : [name];
}
