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
            catch (Exception race) when (race is DbUpdateException or AccountRaceException && attempt < 3)
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
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();

        // Read every account and role at once, and write what is new in one go: a first start makes a dozen accounts
        // and their roles, and several nodes may be starting together (one wins, the others retry and find it done).
        var existing = await db.Users.ToDictionaryAsync(a => a.UserName!, StringComparer.Ordinal, cancellationToken);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var role in AccessRole.All.Where(role => !roleIds.ContainsKey(role)))
        {
            var created = new IdentityRole(role) { NormalizedName = normalizer.NormalizeName(role) };
            db.Roles.Add(created);
            roleIds[role] = created.Id;
        }

        var roleNames = roleIds.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
        // Not tracked: another node may have added an account and its roles between the two reads above and this one; the
        // account then looks new here, its roles are added again, and the commit's unique violation sends this node round
        // once more (tracked, the same rows would have thrown before the commit, outside the retry, and stopped the node).
        var held = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => roleNames.TryGetValue(r.RoleId, out var name) ? name : throw new AccountRaceException());
        var changed = new List<(Account Account, IReadOnlyList<string> Roles)>();
        foreach (var person in people.People)
        {
            if (!existing.TryGetValue(person.Id, out var account))
            {
                Add(db, normalizer, new Account { Id = person.Id, UserName = person.Id, Email = person.Email, FromOrganization = true }, person.Access, roleIds);
            }
            else if (!account.RolesSetByAdmin && !held[account.Id].ToHashSet(StringComparer.Ordinal).SetEquals(person.Access))
            {
                changed.Add((account, person.Access));
            }
        }

        var admin = options.Value.Admin;
        if (!existing.ContainsKey(admin.User))
        {
            Add(db, normalizer, new Account { Id = admin.User, UserName = admin.User }, [AccessRole.Admin], roleIds);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (account, roles) in changed)
        {
            await SetRolesAsync(accounts, account, roles);
        }

        foreach (var gone in existing.Values.Where(a => a.FromOrganization && !a.RolesSetByAdmin && held[a.Id].Any() && people.Find(a.UserName!) is null))
        {
            await SetRolesAsync(accounts, gone, []);
        }

        await SeedAdminAsync(accounts, admin);
    }

    // As UserManager.CreateAsync would make it (normalized name, security stamp, lockout on), without a round trip per row.
    private static void Add(AccessDbContext db, ILookupNormalizer normalizer, Account account, IReadOnlyList<string> roles,
        IReadOnlyDictionary<string, string> roleIds)
    {
        account.NormalizedUserName = normalizer.NormalizeName(account.UserName);
        account.NormalizedEmail = account.Email is null ? null : normalizer.NormalizeEmail(account.Email);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.LockoutEnabled = true;
        db.Users.Add(account);
        db.UserRoles.AddRange(roles.Select(role => new IdentityUserRole<string> { UserId = account.Id, RoleId = roleIds[role] }));
    }

    private async Task SeedAdminAsync(UserManager<Account> accounts, AdminAccountOptions admin)
    {
        var account = await accounts.FindByNameAsync(admin.User)
            ?? throw new InvalidOperationException($"The administrator account '{admin.User}' was not created.");
        string? oneTimePassword = null;

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

    /// <summary>Saves the account's own columns (Identity's concurrency stamp checked).</summary>
    public static async Task SaveAsync(UserManager<Account> accounts, Account account) =>
        Check(await accounts.UpdateAsync(account), account.UserName!);

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
        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateRoleName" or "ConcurrencyFailure"))
        {
            // Another node made it, or changed the account (the first start's one-time password), between our look and our write.
            throw new AccountRaceException();
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account '{what}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>
/// Another node or request wrote the same account or role first: seeding starts over and finds it done; an
/// administrator's or a person's change is rolled back and answered 409 (<see cref="AccountChange"/>).
/// </summary>
internal sealed class AccountRaceException : Exception;
