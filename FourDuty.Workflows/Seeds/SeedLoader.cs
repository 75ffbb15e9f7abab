using System.Security.Cryptography;
using FourDuty.Engine.Persistence;
using FourDuty.Workflows.Calendar;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Seeds;

/// <summary>
/// Loads the seed files into the database at start, right after the migrations: the organisation and the working-day
/// calendar. Idempotent: a file whose hash the database already holds changes nothing, a changed file is applied as an
/// update (people, subjects and units by id; a person or subject the file no longer lists is kept, inactive, with its
/// records), never as a duplicate. A file with an error stops the start with the file, the line and the reason. Then the
/// directory and the calendar are served from the database.
/// </summary>
internal sealed class SeedLoader(
    IDbContextFactory<DutyDbContext> contexts,
    IOptions<StorageOptions> storage,
    IOptions<SeedOptions> options,
    PeopleDirectory directory,
    CalendarStore calendar,
    TimeProvider clock,
    ILogger<SeedLoader> logger) : IHostedService
{
    // Any constant every node shares: two nodes starting at once seed once ("FDSD").
    private const long SeedLock = 0x46_44_53_44;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var organizationFile = SeedOptions.Resolve(options.Value.Organization);
        var calendarFile = SeedOptions.Resolve(options.Value.Calendar);
        var organization = OrganizationSeed.Read(organizationFile);
        var (calendarData, calendarBytes) = CalendarSeed.Read(calendarFile);
        if (storage.Value.Provider == StorageProvider.InMemory)
        {
            directory.Replace(organization.ToOrganization());
            return;
        }

        var organizationBytes = File.ReadAllBytes(organizationFile);
        await using (var check = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The usual start (files unchanged) takes no lock, so that the nodes of a cluster restart side by side.
            if (await ChangedAsync(check, "organization", organizationBytes, cancellationToken) is null
                && await ChangedAsync(check, "calendar", calendarBytes, cancellationToken) is null)
            {
                await ServeAsync(cancellationToken);
                return;
            }
        }

        await using (storage.Value.Provider == StorageProvider.Postgres
            ? await PostgresAdvisoryLock.AcquireAsync(storage.Value.PostgresConnectionString!, SeedLock, cancellationToken)
            : null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await ChangedAsync(db, "organization", organizationBytes, cancellationToken) is { } organizationHash)
            {
                await OrganizationWriter.ApplyAsync(db, organization, cancellationToken);
                await MarkAsync(db, "organization", organizationHash, cancellationToken);
                logger.LogInformation("Organisation seeded from {File}: {People} people, {Subjects} subjects", organizationFile, organization.People.Count,
                    organization.Subjects.Count);
            }

            if (await ChangedAsync(db, "calendar", calendarBytes, cancellationToken) is { } calendarHash)
            {
                await calendar.SaveAsync(calendarData.Years, "seed", cancellationToken);
                await MarkAsync(db, "calendar", calendarHash, cancellationToken);
                logger.LogInformation("Business calendar seeded from {File}", calendarFile);
            }
        }

        await ServeAsync(cancellationToken);
    }

    // From now on the organisation and the calendar are the database's.
    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            directory.Replace(await OrganizationWriter.ReadAsync(db, cancellationToken));
        }

        await calendar.ReloadIfChangedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<string?> ChangedAsync(DutyDbContext db, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return await db.SeedFiles.AsNoTracking().AnyAsync(s => s.Name == name && s.Sha256 == hash, cancellationToken) ? null : hash;
    }

    private async Task MarkAsync(DutyDbContext db, string name, string hash, CancellationToken cancellationToken)
    {
        var row = await db.SeedFiles.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (row is null)
        {
            row = new SeedFile { Name = name };
            db.SeedFiles.Add(row);
        }

        row.Sha256 = hash;
        row.AppliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
