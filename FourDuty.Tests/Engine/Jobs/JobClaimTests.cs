using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Tests.Engine.Runtime;
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
