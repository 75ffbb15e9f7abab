using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Engine.Persistence;

public sealed class PostgresMigrationTests
{
    [SkippableFact]
    public async Task Migrate_CreatesEveryTable_WhenDatabaseIsEmpty()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("migrate");
        await using var db = CreateContext(connectionString);

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
    }

    [SkippableFact]
    public async Task ProcessDefinition_RoundTrips_WhenSavedAndReadInAnotherContext()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("roundtrip");
        await using (var setup = CreateContext(connectionString))
        {
            await setup.Database.MigrateAsync();
        }

        var deployedAt = new DateTimeOffset(2026, 11, 29, 1, 2, 3, TimeSpan.Zero);
        var saved = new ProcessDefinitionRecord
        {
            Id = Guid.NewGuid(),
            Key = "annualListCycle",
            Version = 1,
            Name = "年度清单",
            ContentHash = new string('a', 64),
            Xml = "<definitions/>",
            DeployedAt = deployedAt,
        };
        await using (var write = CreateContext(connectionString))
        {
            write.ProcessDefinitions.Add(saved);
            await write.SaveChangesAsync();
        }

        await using var read = CreateContext(connectionString);
        var loaded = await read.ProcessDefinitions.SingleAsync(d => d.Key == "annualListCycle");

        loaded.Id.ShouldBe(saved.Id);
        loaded.Name.ShouldBe("年度清单");
        loaded.DeployedAt.ShouldBe(deployedAt);
    }

    [SkippableFact]
    public async Task ProcessDefinition_RejectsSecondRowWithSameKeyAndVersion()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("unique");
        await using var db = CreateContext(connectionString);
        await db.Database.MigrateAsync();
        db.ProcessDefinitions.Add(Definition("p", 1));
        await db.SaveChangesAsync();

        await using var other = CreateContext(connectionString);
        other.ProcessDefinitions.Add(Definition("p", 1));

        await Should.ThrowAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    private static ProcessDefinitionRecord Definition(string key, int version) => new()
    {
        Id = Guid.NewGuid(),
        Key = key,
        Version = version,
        ContentHash = new string('b', 64),
        Xml = "<definitions/>",
        DeployedAt = DateTimeOffset.UtcNow,
    };

    private static PostgresEngineDbContext CreateContext(string connectionString) =>
        new(StorageOptions.ConfigurePostgres(new DbContextOptionsBuilder<PostgresEngineDbContext>(), connectionString).Options);
}
