using FourDuty.Engine.Runtime.Tasks;

namespace FourDuty.Workflows.Organization;

/// <summary>
/// Lets models assign by position or by relation instead of by name: <c>camunda:assignee="role:DisciplineSecretary"</c>
/// gives the task to the discipline secretary, <c>camunda:assignee="subject:supervisingLeader"</c> to the supervising
/// leader of the subject in scope, <c>camunda:candidateUsers="role:LeadershipMember"</c> offers it to every leadership
/// member (see <see cref="PeopleResolver"/> for every name). Plain person ids pass through unchanged.
/// </summary>
public sealed class RoleAssignmentResolver(PeopleResolver people) : ITaskAssignmentResolver
{
    /// <inheritdoc />
    public TaskAssignment Resolve(TaskAssignmentRequest request)
    {
        var proposed = request.Proposed;
        var assignee = proposed.Assignee;
        var candidates = people.Resolve(proposed.CandidateUsers, request.Variable).ToList();
        if (assignee is not null && PeopleResolver.IsIndirect(assignee))
        {
            var holders = people.Resolve(assignee, request.Variable);
            // One holder takes the task; several (a position many hold) are offered it instead.
            assignee = holders.Count == 1 ? holders[0] : null;
            if (holders.Count > 1)
            {
                candidates.AddRange(holders);
            }
        }

        return new TaskAssignment(assignee, candidates.Distinct(StringComparer.Ordinal).ToList(), proposed.CandidateGroups);
    }
}
