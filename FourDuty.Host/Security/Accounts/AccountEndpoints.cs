using FourDuty.Host.Api;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Host.Security.Accounts;

/// <summary>The body of a role change.</summary>
public sealed record RolesRequest(IReadOnlyList<string> Roles);

/// <summary>The body of a password set by an administrator.</summary>
public sealed record PasswordRequest(string Password);

/// <summary>Accounts, for administrators: who has which roles, setting roles and passwords.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var accounts = api.MapGroup("/accounts").RequireAuthorization(AccessPolicy.Admin);
        accounts.MapGet("", ListAsync).WithSummary("Every account with its roles, whether it has a password, and any lockout");
        accounts.MapPut("/{id}/roles", SetRolesAsync).Audited("account.roles", call => call.Result is AccountView view ? string.Join(",", view.Roles) : null)
            .WithSummary("Sets an account's access roles; from then on the organisation file no longer changes them");
        accounts.MapPut("/{id}/password", SetPasswordAsync).Audited("account.password", _ => "password set by an administrator")
            .WithSummary("Sets or resets an account's password (at least 12 characters) and lifts its lockout");
    }

    private static async Task<IResult> ListAsync(UserManager<Account> accounts, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var all = await accounts.Users.OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        var views = new List<AccountView>();
        foreach (var account in all)
        {
            views.Add(await AccountView.OfAsync(accounts, people, account));
        }

        return Results.Ok(views);
    }

    private static async Task<IResult> SetRolesAsync(string id, RolesRequest body, UserManager<Account> accounts, PeopleDirectory people,
        AccessDbContext db, HttpContext http)
    {
        if (await accounts.FindByNameAsync(id) is not { } account)
        {
            return Missing(id);
        }

        var unknown = body.Roles.FirstOrDefault(role => !AccessRole.All.Contains(role, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return Results.Problem($"'{unknown}' is not an access role; the roles are {string.Join(", ", AccessRole.All)}.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "ACCOUNT-UNKNOWN-ROLE");
        }

        if (id == Caller.Of(http.User).Id && !body.Roles.Contains(AccessRole.Admin))
        {
            return Results.Problem("You cannot take the admin role from yourself: another administrator must do it.",
                statusCode: StatusCodes.Status409Conflict, title: "ACCOUNT-OWN-ADMIN-ROLE");
        }

        var changed = await AccountChange.TryAsync(db, async () =>
        {
            account.RolesSetByAdmin = true;
            await AccountSeeder.SaveAsync(accounts, account);
            await AccountSeeder.SetRolesAsync(accounts, account, body.Roles.Distinct(StringComparer.Ordinal).ToList());
        }, http.RequestAborted);
        return changed ? Results.Ok(await AccountView.OfAsync(accounts, people, account)) : AccountChange.Conflict(id);
    }

    private static async Task<IResult> SetPasswordAsync(string id, PasswordRequest body, UserManager<Account> accounts, AccessDbContext db,
        CancellationToken cancellationToken)
    {
        if (await accounts.FindByNameAsync(id) is not { } account)
        {
            return Missing(id);
        }

        if (await PasswordProblemAsync(accounts, account, body.Password) is { } problem)
        {
            return problem;
        }

        return await AccountChange.TryAsync(db, () => AccountSeeder.SetPasswordAsync(accounts, account, body.Password), cancellationToken)
            ? Results.NoContent()
            : AccountChange.Conflict(id);
    }

    /// <summary>A 422 naming what the password lacks, or null when Identity's rules accept it.</summary>
    public static async Task<IResult?> PasswordProblemAsync(UserManager<Account> accounts, Account account, string? password) =>
        await WeaknessesAsync(accounts, account, password) is { Count: > 0 } errors
            ? Results.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status422UnprocessableEntity, title: "ACCOUNT-WEAK-PASSWORD")
            : null;

    /// <summary>What Identity's password rules find wrong with <paramref name="password"/>; empty when it is acceptable.</summary>
    public static async Task<IReadOnlyList<string>> WeaknessesAsync(UserManager<Account> accounts, Account account, string? password)
    {
        var errors = new List<string>();
        foreach (var validator in accounts.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(accounts, account, password)).Errors.Select(e => e.Description));
        }

        return errors;
    }

    private static IResult Missing(string id) => ApiErrors.NotFound("ACCOUNT-NOT-FOUND", $"There is no account '{id}'.");
}

/// <summary>An account as administrators see it.</summary>
internal sealed record AccountView(string Id, string? Name, string? Title, IReadOnlyList<string> Roles, bool RolesSetByAdmin, bool FromOrganization,
    bool HasPassword, DateTimeOffset? LockedOutUntil)
{
    public static async Task<AccountView> OfAsync(UserManager<Account> accounts, PeopleDirectory people, Account account)
    {
        var person = people.Find(account.UserName!);
        var lockout = account.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : (DateTimeOffset?)null;
        return new AccountView(account.UserName!, person?.Name, person?.Title, (await accounts.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList(),
            account.RolesSetByAdmin, account.FromOrganization, await accounts.HasPasswordAsync(account), lockout);
    }
}
