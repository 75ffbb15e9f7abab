using System.Security.Claims;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Security.Policies;

/// <summary>The signed-in person a request acts for: their id (the account name), their access roles of the moment.</summary>
internal sealed record Caller(string Id, IReadOnlySet<string> Roles, bool FirstResponsible)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Sees every instance and task: the office, the discipline secretary, the first-responsible persons.</summary>
    public bool Oversees => Has(AccessRole.Office) || Has(AccessRole.Discipline) || FirstResponsible;

    /// <exception cref="InvalidOperationException">The principal is not signed in (the endpoint's policy should have refused it).</exception>
    public static Caller Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && user.HasClaim(c => c.Type == AccessClaims.Account)
            ? new Caller(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
                user.HasClaim(c => c.Type == AccessClaims.FirstResponsible))
            : throw new InvalidOperationException("The request has no signed-in account; its endpoint must require a policy.");
}
