using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Time;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Jobs;

/// <summary>
/// A service task's handler runs once per attempt however many workers reach its job while it runs: the scheduled
/// job and the sweep, two nodes on one database, or a simulated clock moved past the claim.
/// </summary>
public abstract class JobClaimTests(TestStore store)
{
    internal static readonly string Model = ProcessXml.Of("svc", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
        <serviceTask id="call" camunda:type="slow"/>
        <sequenceFlow id="f2" sourceRef="call" targetRef="review"/>
        <userTask id="review"/>
        """);

    [SkippableFact]
    public async Task MovingTheSimulatedClockPastTheClaim_WhileTheHandlerRuns_DoesNotRunItAgain()
    {
        var handler = new SlowHandler();
        await using var scenario = await Scenario.DeployAsync(store, services => services.AddSingleton<IServiceTaskHandler>(handler), Model);
        await scenario.StartAsync("svc");
        var job = (await scenario.SnapshotAsync()).Jobs.ShouldHaveSingleItem();

        var running = scenario.Engine.RunJobAsync(job.Id);
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            // A second run would wait on the same handler, so a regression shows as this timing out.
            await scenario.AdvanceAsync(TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            handler.Release.SetResult();
        }

        (await running).ShouldBeTrue();
        handler.Calls.ShouldBe(1);
        await scenario.ShouldHaveOpenTasksAsync("review");
    }

    internal sealed class SlowHandler : IServiceTaskHandler
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => _calls;

        public string Type => "slow";

        public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            await Release.Task;
            return ServiceTaskResult.Empty;
        }
    }
}

public sealed class JobClaimTestsInMemory() : JobClaimTests(TestStore.InMemory);

public sealed class JobClaimTestsOnSqlite() : JobClaimTests(TestStore.Sqlite);

public sealed class JobClaimTestsOnPostgres() : JobClaimTests(TestStore.Postgres);

/// <summary>Two engines on one database, as two nodes of a cluster.</summary>
public abstract class TwoNodeJobClaimTests(TestStore store)
{
    [SkippableFact]
    public async Task TwoNodesReachingOneJob_RunItsHandlerOnce_AndMoveTheTokenOnce()
    {
        var handler = new JobClaimTests.SlowHandler();
        var clock = new SimulatedClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var (configure, cleanup) = await SharedDatabaseAsync();
        try
        {
            await using var first = await NodeAsync(configure, clock, handler, migrate: true);
            await using var second = await NodeAsync(configure, clock, handler, migrate: false);
            var engine = first.GetRequiredService<ProcessEngine>();
            (await engine.DeployAsync([new DeploymentResource("svc.bpmn", JobClaimTests.Model)])).Succeeded.ShouldBeTrue();
            var instance = await engine.StartAsync("svc");
            var job = (await engine.Queries.GetInstanceAsync(instance))!.Jobs.ShouldHaveSingleItem();

            var running = engine.RunJobAsync(job.Id);
            await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            bool secondRan;
            try
            {
                secondRan = await second.GetRequiredService<ProcessEngine>().RunJobAsync(job.Id).WaitAsync(TimeSpan.FromSeconds(30));
            }
            finally
            {
                handler.Release.SetResult();
            }

            secondRan.ShouldBeFalse();
            (await running).ShouldBeTrue();
            handler.Calls.ShouldBe(1);
            (await engine.Queries.GetInstanceAsync(instance))!.OpenTasks.ShouldHaveSingleItem().ElementId.ShouldBe("review");
        }
        finally
        {
            cleanup();
        }
    }

    private async Task<(Action<EngineSetup> Configure, Action Cleanup)> SharedDatabaseAsync()
    {
        if (store == TestStore.Postgres)
        {
            var connectionString = await TestPostgres.CreateDatabaseAsync("jobclaim");
            return (engine => engine.Storage.PostgresConnectionString = connectionString, () => { });
        }

        var file = Path.Combine(Path.GetTempPath(), $"fourduty-jobclaim-{Guid.NewGuid():N}.db");
        return (engine => engine.Storage.SqliteConnectionString = $"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        });
    }

    private static async Task<ServiceProvider> NodeAsync(Action<EngineSetup> configure, SimulatedClock clock, JobClaimTests.SlowHandler handler, bool migrate)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine =>
        {
            configure(engine);
            engine.Clock = clock;
        });
        services.AddSingleton<IServiceTaskHandler>(handler);
        var provider = services.BuildServiceProvider();
        if (migrate)
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }

        return provider;
    }

}

public sealed class TwoNodeJobClaimTestsOnSqlite() : TwoNodeJobClaimTests(TestStore.Sqlite);

public sealed class TwoNodeJobClaimTestsOnPostgres() : TwoNodeJobClaimTests(TestStore.Postgres);
