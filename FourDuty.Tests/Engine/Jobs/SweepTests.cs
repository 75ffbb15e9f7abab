using FourDuty.Engine.Jobs;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;

namespace FourDuty.Tests.Engine.Jobs;

/// <summary>The database is the truth for timers; Hangfire jobs are only shortcuts. On PostgreSQL and SQLite.</summary>
public abstract class SweepTests(TestStore store)
{
    private static readonly string Model = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
        <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="after"/>
        <userTask id="after"/>
        """);

    [SkippableFact]
    public async Task Sweep_FiresTimerWhoseJobWasNeverScheduled()
    {
        // The engine runs without a job driver, as if the node died between commit and enqueue.
        await using var scenario = await Scenario.DeployAsync(store, Model);
        await scenario.StartAsync("p");
        scenario.MoveClock(TimeSpan.FromHours(1));

        await new EngineJobs(scenario.Engine).SweepAsync(CancellationToken.None);

        await scenario.ShouldHaveOpenTasksAsync("after");
    }

    [SkippableFact]
    public async Task Sweep_LeavesTimerAlone_BeforeItIsDue()
    {
        await using var scenario = await Scenario.DeployAsync(store, Model);
        await scenario.StartAsync("p");
        scenario.MoveClock(TimeSpan.FromMinutes(59));

        await new EngineJobs(scenario.Engine).SweepAsync(CancellationToken.None);

        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.TimerCountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task StartTimerOccurrence_FiredByManyAtOnce_StartsOneInstance()
    {
        await using var scenario = await Scenario.DeployAsync(store, ProcessXml.Of("annual", """
            <startEvent id="start"><timerEventDefinition><timeCycle>R/2026-03-02T10:00:00+08:00/P1Y</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="start" targetRef="plan"/>
            <userTask id="plan"/>
            """));
        var timer = (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 1)).Single();
        scenario.MoveClock(TimeSpan.FromHours(1));
        var jobs = new EngineJobs(scenario.Engine);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => jobs.FireTimerAsync(timer.Id, timer.DueAt, CancellationToken.None))));
        await jobs.SweepAsync(CancellationToken.None);

        (await scenario.Queries.ListInstancesAsync(new())).Count.ShouldBe(1);
        (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 1)).Single().DueAt.Year.ShouldBe(2027);
    }

    [SkippableFact]
    public async Task TimerJobRunTwice_FiresOnce()
    {
        await using var scenario = await Scenario.DeployAsync(store, Model);
        await scenario.StartAsync("p");
        var timer = (await scenario.SnapshotAsync()).Timers.Single();
        scenario.MoveClock(TimeSpan.FromHours(2));
        var jobs = new EngineJobs(scenario.Engine);

        await Task.WhenAll(
            jobs.FireTimerAsync(timer.Id, timer.DueAt, CancellationToken.None),
            jobs.FireTimerAsync(timer.Id, timer.DueAt, CancellationToken.None));
        await jobs.FireTimerAsync(timer.Id, timer.DueAt, CancellationToken.None);

        (await scenario.Queries.GetHistoryAsync(scenario.Instance)).Count(h => h.Type == HistoryEventType.TimerFired).ShouldBe(1);
        (await scenario.OpenTaskRecordsAsync()).Count.ShouldBe(1);
    }
}

public sealed class SweepTestsOnSqlite() : SweepTests(TestStore.Sqlite);

public sealed class SweepTestsOnPostgres() : SweepTests(TestStore.Postgres);
