using System.Security.Cryptography;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Security.Accounts;

/// <summary>
/// At each start, after the database is migrated: an account for every person of the organisation, with the access
/// roles the file gives them unless an administrator has set that account's roles since (the admin's change wins, for
/// good); a person gone from the file keeps no roles. And the administrator account: its password from
/// <c>Security:Admin:Password</c>, or, on the first start without one, a one-time password written to the console —
/// only there, never to a log. Seeded people have no password: an administrator sets one, or they use single sign-on.
/// </summary>
internal sealed class AccountSeeder(IServiceScopeFactory scopes, PeopleDirectory people, IOptions<SecurityOptions> options, ILogger<AccountSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Several nodes may seed at once: the one that loses a race on a new row tries again and finds it made.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedAsync(cancellationToken);
                return;
            }
            catch (Exception race) when (race is DbUpdateException or SeedRaceException && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AccessRole.All.Where(role => !roles.Roles.Any(r => r.Name == role)).ToList())
        {
            Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }

        // Read every account and its roles at once: on a usual start nothing changes, and several nodes may be starting.
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var existing = await db.Users.ToDictionaryAsync(a => a.UserName!, StringComparer.Ordinal, cancellationToken);
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var held = (await db.UserRoles.ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        foreach (var person in people.People)
        {
            if (!existing.TryGetValue(person.Id, out var account))
            {
                account = new Account { Id = person.Id, UserName = person.Id, Email = person.Email, FromOrganization = true };
                Check(await accounts.CreateAsync(account), person.Id);
                await SetRolesAsync(accounts, account, person.Access);
            }
            else if (!account.RolesSetByAdmin && !held[account.Id].ToHashSet(StringComparer.Ordinal).SetEquals(person.Access))
            {
                await SetRolesAsync(accounts, account, person.Access);
            }
        }

        foreach (var gone in existing.Values.Where(a => a.FromOrganization && !a.RolesSetByAdmin && held[a.Id].Any() && people.Find(a.UserName!) is null))
        {
            await SetRolesAsync(accounts, gone, []);
        }

        await SeedAdminAsync(accounts, options.Value.Admin);
    }

    private async Task SeedAdminAsync(UserManager<Account> accounts, AdminAccountOptions admin)
    {
        var account = await accounts.FindByNameAsync(admin.User);
        string? oneTimePassword = null;
        if (account is null)
        {
            account = new Account { Id = admin.User, UserName = admin.User };
            Check(await accounts.CreateAsync(account), admin.User);
        }

        if (!string.IsNullOrEmpty(admin.Password))
        {
            if (!await accounts.HasPasswordAsync(account) || !await accounts.CheckPasswordAsync(account, admin.Password))
            {
                await SetPasswordAsync(accounts, account, admin.Password);
                logger.LogInformation("The administrator '{User}' has the password set in Security:Admin:Password", admin.User);
            }
        }
        else if (!await accounts.HasPasswordAsync(account))
        {
            oneTimePassword = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            await SetPasswordAsync(accounts, account, oneTimePassword);
        }

        // The configured administrator always keeps the admin role, so that nobody can lock every admin out.
        if (!await accounts.IsInRoleAsync(account, AccessRole.Admin))
        {
            Check(await accounts.AddToRoleAsync(account, AccessRole.Admin), admin.User);
        }

        if (oneTimePassword is not null)
        {
            AdminConsole.ShowOneTimePassword(admin.User, oneTimePassword);
            logger.LogWarning("The administrator '{User}' was created with a one-time password, shown on the console only", admin.User);
        }
    }

    /// <summary>Sets (or resets) a password, and lifts a lockout the failed attempts had caused.</summary>
    public static async Task SetPasswordAsync(UserManager<Account> accounts, Account account, string password)
    {
        if (await accounts.HasPasswordAsync(account))
        {
            Check(await accounts.RemovePasswordAsync(account), account.UserName!);
        }

        Check(await accounts.AddPasswordAsync(account, password), account.UserName!);
        await accounts.SetLockoutEndDateAsync(account, null);
        await accounts.ResetAccessFailedCountAsync(account);
    }

    public static async Task SetRolesAsync(UserManager<Account> accounts, Account account, IReadOnlyCollection<string> roles)
    {
        var current = await accounts.GetRolesAsync(account);
        var remove = current.Except(roles, StringComparer.Ordinal).ToList();
        var add = roles.Except(current, StringComparer.Ordinal).ToList();
        if (remove.Count > 0)
        {
            Check(await accounts.RemoveFromRolesAsync(account, remove), account.UserName!);
        }

        if (add.Count > 0)
        {
            Check(await accounts.AddToRolesAsync(account, add), account.UserName!);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateRoleName"))
        {
            // Another node made it between our look and our insert.
            throw new SeedRaceException();
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account '{what}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Another node seeded the same row first; seeding starts over and finds it.</summary>
internal sealed class SeedRaceException : Exception;
