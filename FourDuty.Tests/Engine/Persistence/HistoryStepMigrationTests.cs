using FourDuty.Engine.Persistence;
using FourDuty.Engine.Persistence.EntityFramework;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// A database that kept history one event per row (before decision 0031) keeps every event, in order and with its
/// Chinese text, when it is migrated to one row per step.
/// </summary>
public sealed class HistoryStepMigrationTests
{
    private static readonly Guid Instance = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Task = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");
    private static readonly Guid First = Guid.Parse("0193a000-0000-7000-8000-000000000011");
    private static readonly Guid Second = Guid.Parse("0193a000-0001-7000-8000-000000000022");
    private const string Comment = """{"by":"zhao.discipline","text":"请尽快安排约谈。"}""";

    [SkippableFact]
    public async Task Postgres_OldHistoryRows_AreReadAsBefore_AfterTheMigration()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("historysteps");
        await using var db = new PostgresEngineDbContext(StorageOptions.ConfigurePostgres(new DbContextOptionsBuilder<PostgresEngineDbContext>(), connectionString).Options);
        await db.GetService<IMigrator>().MigrateAsync("20261205180000_TaskOwnerIndex");
        var eight = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO fourduty.history (id, instance_id, at, type, element_id, token_id, subject_id, details) VALUES
              ({Second}, {Instance}, {eight.AddHours(1)}, 'TaskCommented', 'talk', NULL, {Task}, {Comment}),
              ({First}, {Instance}, {eight}, 'InstanceStarted', 'start', NULL, NULL, NULL);
            """);

        await db.Database.MigrateAsync();

        await ShouldReadBothEventsAsync(db);
    }

    [Fact]
    public async Task Sqlite_OldHistoryRows_AreReadAsBefore_AfterTheMigration()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fourduty-historysteps-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteEngineDbContext(StorageOptions.ConfigureSqlite(new DbContextOptionsBuilder<SqliteEngineDbContext>(), $"Data Source={file}").Options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261205180001_TaskOwnerIndex");
                var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero).UtcTicks;
                string Text(Guid id) => id.ToString().ToUpperInvariant(); // as Entity Framework keeps ids in SQLite
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO history (id, instance_id, at, type, element_id, token_id, subject_id, details) VALUES
                      ({Text(Second)}, {Text(Instance)}, {at + TimeSpan.TicksPerHour}, 'TaskCommented', 'talk', NULL, {Text(Task)}, {Comment}),
                      ({Text(First)}, {Text(Instance)}, {at}, 'InstanceStarted', 'start', NULL, NULL, NULL);
                    """);

                await db.Database.MigrateAsync();

                await ShouldReadBothEventsAsync(db);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task ShouldReadBothEventsAsync(EngineDbContext db)
    {
        var events = (await db.HistorySteps.AsNoTracking().Where(h => h.InstanceId == Instance).OrderBy(h => h.Id).ToListAsync())
            .SelectMany(h => h.Unpack()).ToList();

        events.Select(e => e.Type).ShouldBe([HistoryEventType.InstanceStarted, HistoryEventType.TaskCommented]);
        events[0].Id.ShouldBe(First);
        events[0].At.ShouldBe(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        events[0].ElementId.ShouldBe("start");
        events[0].SubjectId.ShouldBeNull();
        events[1].SubjectId.ShouldBe(Task);
        events[1].At.ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        events[1].Details.ShouldBe(Comment);
        events.ShouldAllBe(e => e.InstanceId == Instance && e.TokenId == null);
    }
}
