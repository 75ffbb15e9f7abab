using FourDuty.Engine;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Persistence.EntityFramework.Postgres;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// A step on PostgreSQL tracks its rows itself (<see cref="PostgresStepRows"/>), not through Entity Framework: what it
/// writes at commit must be exactly what the step did — nothing for a row it only read, nothing for a row it made and
/// dropped again, the changed columns of a changed row, and a refusal when another step changed that row first.
/// </summary>
public sealed class PostgresStepRowsTests
{
    [SkippableFact]
    public async Task ARowMadeAndDroppedInOneStep_IsNeverWritten()
    {
        await using var provider = await EngineAsync("steprows-dropped");
        await using var db = await ContextAsync(provider);
        var rows = new PostgresStepRows(db);
        var timer = Timer();

        rows.Add(timer);
        rows.Remove(timer);
        rows.ChangedInstances().ShouldBeEmpty();
        await rows.WriteAsync(CancellationToken.None);

        (await db.Timers.CountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task ARowReadTwice_IsOneObject_AndARowOnlyRead_IsNotWritten()
    {
        await using var provider = await EngineAsync("steprows-read");
        var timer = await StoredTimerAsync(provider);
        var written = await RowVersionAsync(provider, timer.Id);
        await using var db = await ContextAsync(provider);
        var rows = new PostgresStepRows(db);

        var first = await rows.FirstOrDefaultAsync(db.Timers.Where(t => t.Id == timer.Id), CancellationToken.None);
        var again = await rows.FirstOrDefaultAsync(db.Timers.Where(t => t.Id == timer.Id), CancellationToken.None);
        rows.ChangedInstances().ShouldBeEmpty();
        await rows.WriteAsync(CancellationToken.None);

        again.ShouldBeSameAs(first);
        (await RowVersionAsync(provider, timer.Id)).ShouldBe(written);
    }

    [SkippableFact]
    public async Task AChangedRow_IsWrittenWithItsChanges_AndAStepThatReadItBeforeThat_IsRefused()
    {
        await using var provider = await EngineAsync("steprows-changed");
        var timer = await StoredTimerAsync(provider);
        await using var firstDb = await ContextAsync(provider);
        await using var lateDb = await ContextAsync(provider);
        var first = new PostgresStepRows(firstDb);
        var late = new PostgresStepRows(lateDb);
        var firstTimer = (await first.FirstOrDefaultAsync(firstDb.Timers.Where(t => t.Id == timer.Id), CancellationToken.None))!;
        var lateTimer = (await late.FirstOrDefaultAsync(lateDb.Timers.Where(t => t.Id == timer.Id), CancellationToken.None))!;

        firstTimer.FiredCount++;
        firstTimer.DueAt = timer.DueAt.AddDays(1);
        first.ChangedInstances().ShouldBe([timer.InstanceId!.Value]);
        await first.WriteAsync(CancellationToken.None);
        lateTimer.FiredCount++;
        lateTimer.DueAt = timer.DueAt.AddDays(7);
        var refused = await Should.ThrowAsync<PostgresException>(() => late.WriteAsync(CancellationToken.None));

        refused.SqlState.ShouldBe(PostgresErrorCodes.SerializationFailure);
        await using var check = await ContextAsync(provider);
        var stored = await check.Timers.AsNoTracking().SingleAsync(t => t.Id == timer.Id);
        stored.FiredCount.ShouldBe(1);
        stored.DueAt.ShouldBe(timer.DueAt.AddDays(1));
        stored.ElementId.ShouldBe(timer.ElementId);
    }

    private static TimerRecord Timer() => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = Guid.NewGuid(),
        TokenId = Guid.NewGuid(),
        ElementId = "deadline",
        DueAt = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
    };

    private static async Task<TimerRecord> StoredTimerAsync(ServiceProvider provider)
    {
        await using var db = await ContextAsync(provider);
        var rows = new PostgresStepRows(db);
        var timer = Timer();
        rows.Add(timer);
        await rows.WriteAsync(CancellationToken.None);
        return timer;
    }

    // PostgreSQL's xmin: a new value whenever the row is written, even with the same values.
    private static async Task<string> RowVersionAsync(ServiceProvider provider, Guid timerId)
    {
        await using var db = await ContextAsync(provider);
        return await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM fourduty.timers WHERE id = {timerId}").SingleAsync();
    }

    private static async Task<EngineDbContext> ContextAsync(ServiceProvider provider) =>
        await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();

    private static async Task<ServiceProvider> EngineAsync(string purpose) =>
        await TestPostgres.EngineAsync(await TestPostgres.CreateDatabaseAsync(purpose));
}
