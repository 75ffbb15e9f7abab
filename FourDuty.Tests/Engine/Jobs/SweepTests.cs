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
