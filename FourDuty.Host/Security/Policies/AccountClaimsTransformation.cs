using System.Security.Claims;
using FourDuty.Host.Security.Accounts;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FourDuty.Host.Security.Policies;

/// <summary>
/// Gives every signed-in principal — cookie, access token or single sign-on alike — the roles its account has now,
/// read on each request: a role an admin takes away, or an account removed, counts from the next request on, not
/// when a cookie runs out. A principal whose account is gone becomes anonymous.
/// </summary>
internal sealed class AccountClaimsTransformation(UserManager<Account> accounts, PeopleDirectory people) : IClaimsTransformation
{
    private static readonly string[] FirstResponsiblePositions = ["PartySecretary", "President"];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == AccessClaims.Account))
        {
            return principal;
        }

        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } name || await accounts.FindByNameAsync(name) is not { } account)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var identity = new ClaimsIdentity(principal.Identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.UserName!));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName!));
        identity.AddClaim(new Claim(AccessClaims.Account, account.UserName!));
        identity.AddClaims(principal.Claims.Where(c => c.Type is AccessClaims.Via or AccessClaims.TokenId));
        identity.AddClaims((await accounts.GetRolesAsync(account)).Select(role => new Claim(ClaimTypes.Role, role)));
        if (FirstResponsiblePositions.Any(position => people.WithRole(position).Any(p => p.Id == account.UserName)))
        {
            identity.AddClaim(new Claim(AccessClaims.FirstResponsible, "true"));
        }

        return new ClaimsPrincipal(identity);
    }
}
