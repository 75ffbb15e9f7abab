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
