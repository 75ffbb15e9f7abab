using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Authorization;

namespace FourDuty.Host.Security.Policies;

/// <summary>
/// Who may start a process by hand. The office starts any. Anyone else only a process whose latest version names them, as
/// Camunda 7 does, with <c>camunda:candidateStarterUsers</c> (person ids) or <c>camunda:candidateStarterGroups</c>: a group
/// is one of the person's access roles of the moment (<c>discipline</c>, <c>leader</c>, …) or one of their groups in the
/// organisation file (<c>leadership</c>, the names task candidate groups use). The engine only keeps the lists (decision 0013).
/// </summary>
internal sealed class StarterRules(PeopleDirectory people)
{
    /// <summary>Whether the caller may start <paramref name="definition"/>.</summary>
    public bool MayStart(Caller caller, ProcessDefinition definition) =>
        caller.Has(AccessRole.Office)
        || definition.Process.CandidateStarterUsers.Contains(caller.Id, StringComparer.Ordinal)
        || definition.Process.CandidateStarterGroups.Any(group => caller.Has(group) || people.InGroup(group).Any(p => p.Id == caller.Id));

    /// <summary>Null when the caller may start <paramref name="definition"/>; otherwise why not, in Chinese and English.</summary>
    public string? WhyNot(Caller caller, ProcessDefinition definition) =>
        MayStart(caller, definition)
            ? null
            : $"只有党委办公室或流程指定的发起人可以发起“{definition.Name ?? definition.Key}”。 Only the office (role office), or a role, group or person that process '{definition.Key}' names in camunda:candidateStarterGroups / candidateStarterUsers"
              + (definition.Process.CandidateStarterGroups.Count + definition.Process.CandidateStarterUsers.Count == 0
                  ? ", may start it; it names none."
                  : $" ({string.Join(", ", definition.Process.CandidateStarterGroups.Concat(definition.Process.CandidateStarterUsers))}), may start it.");
}

/// <summary>The <c>starter</c> policy's requirement: the office, or a candidate starter of at least one deployed process.</summary>
internal sealed class StarterRequirement : IAuthorizationRequirement;

/// <summary>
/// Lets the office through, and anyone whom the latest version of some deployed process names as a starter; which process
/// they may start is the endpoint's check (<see cref="StarterRules"/>), made against the process it is asked for.
/// </summary>
internal sealed class StarterHandler(ProcessEngine engine, StarterRules rules) : AuthorizationHandler<StarterRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StarterRequirement requirement)
    {
        if (!context.User.HasClaim(c => c.Type == AccessClaims.Account))
        {
            return;
        }

        var caller = Caller.Of(context.User);
        if (caller.Has(AccessRole.Office) || (await engine.GetLatestDefinitionsAsync()).Any(definition => rules.MayStart(caller, definition)))
        {
            context.Succeed(requirement);
        }
    }
}
