using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FourDuty.Host.Security.Accounts;

/// <summary>The body of a change of one's own password.</summary>
public sealed record OwnPasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>Who is signed in, what they may do and open; changing one's own password.</summary>
internal static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", ShowAsync).RequireAuthorization(AccessPolicy.SignedIn)
            .WithSummary("Who is signed in: id, name, roles, which policies they pass, the pages they may open, and the antiforgery token for form posts");
        api.MapPut("/me/password", ChangePasswordAsync).RequireAuthorization(AccessPolicy.SignedIn).Audited("account.password", _ => "own password changed")
            .WithSummary("Changes the signed-in person's own password; the current one is required");
    }

    private static async Task<IResult> ShowAsync(HttpContext http, PeopleDirectory people, IAuthorizationService authorization, IAntiforgery antiforgery)
    {
        var caller = Caller.Of(http.User);
        var person = people.Find(caller.Id);
        var policies = new Dictionary<string, bool>();
        foreach (var policy in AccessPolicy.Descriptions.Keys)
        {
            policies[policy] = (await authorization.AuthorizeAsync(http.User, policy)).Succeeded;
        }

        var pages = new List<object> { new { page = "account", path = "/account" } };
        if (policies[AccessPolicy.Admin])
        {
            pages.Add(new { page = "jobs", path = "/hangfire" });
            pages.Add(new { page = "outbox", path = "/outbox" });
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return Results.Ok(new
        {
            id = caller.Id,
            name = person?.Name ?? caller.Id,
            title = person?.Title,
            roles = caller.Roles.Order(StringComparer.Ordinal),
            firstResponsible = caller.FirstResponsible,
            via = http.User.FindFirst(AccessClaims.Via)?.Value,
            policies,
            pages,
            antiforgery = new { header = tokens.HeaderName, token = tokens.RequestToken },
        });
    }

    private static async Task<IResult> ChangePasswordAsync(OwnPasswordRequest body, HttpContext http, UserManager<Account> accounts, AccessDbContext db)
    {
        var account = await accounts.FindByNameAsync(Caller.Of(http.User).Id);
        if (account is null || !await accounts.CheckPasswordAsync(account, body.CurrentPassword))
        {
            return Results.Problem("The current password is wrong.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "ACCOUNT-WRONG-PASSWORD");
        }

        if (await AccountEndpoints.PasswordProblemAsync(accounts, account, body.NewPassword) is { } problem)
        {
            return problem;
        }

        return await AccountChange.TryAsync(db, () => AccountSeeder.SetPasswordAsync(accounts, account, body.NewPassword), http.RequestAborted)
            ? Results.NoContent()
            : AccountChange.Conflict(account.UserName!);
    }
}
