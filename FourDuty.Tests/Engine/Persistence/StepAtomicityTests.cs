using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Tests.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>One step, one transaction: when the database refuses any row of a step, none of the step is written.</summary>
public abstract class StepAtomicityTests(TestStore store)
{
    private static readonly string Model = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
        <userTask id="work" camunda:assignee="someone"/>
        """);

    [SkippableFact]
    public async Task StepWhoseRowIsRefused_WritesNothing()
    {
        // Every new task writes an outbox row with the same key: the second step's row is refused by the unique index.
        await using var scenario = await Scenario.DeployAsync(store, services => services.AddSingleton<IUserTaskListener, SameKeyListener>(), Model);
        var first = await scenario.StartAsync("p");

        var refused = await Should.ThrowAsync<EngineException>(() => scenario.Engine.StartAsync("p"));

        refused.Error.ShouldBe(EngineErrors.Busy);
        var instances = await scenario.Queries.ListInstancesAsync(new());
        instances.Select(i => i.Id).ShouldBe([first]);
        (await scenario.Queries.ListTasksAsync(new())).Count.ShouldBe(1);
        (await scenario.Queries.ListOutboxAsync(10)).Count.ShouldBe(1);
    }

    private sealed class SameKeyListener : IUserTaskListener
    {
        public void OnTaskEvent(UserTaskEvent taskEvent)
        {
            if (taskEvent.Kind == UserTaskEventKind.Created)
            {
                taskEvent.Outbox.Add("mail", "always-the-same", "{}", taskEvent.Instance.Id, taskEvent.Task.Id);
            }
        }
    }
}

public sealed class StepAtomicityTestsInMemory() : StepAtomicityTests(TestStore.InMemory);

public sealed class StepAtomicityTestsOnSqlite() : StepAtomicityTests(TestStore.Sqlite);

public sealed class StepAtomicityTestsOnPostgres() : StepAtomicityTests(TestStore.Postgres);
