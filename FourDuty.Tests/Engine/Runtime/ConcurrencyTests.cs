using FourDuty.Engine.Runtime;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>Races that a real deployment sees: many requests on one instance at once, on each store.</summary>
public abstract class ConcurrencyTests(TestStore store)
{
    private static readonly string OneTask = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <userTask id="review"/>
        <sequenceFlow id="f2" sourceRef="review" targetRef="next"/>
        <userTask id="next"/>
        """);

    [SkippableFact]
    public async Task FiftyConcurrentCompletions_OneSucceeds_OthersGetClearConflict()
    {
        await using var scenario = await Scenario.DeployAsync(store, OneTask);
        await scenario.StartAsync("p");
        var task = (await scenario.OpenTaskRecordsAsync()).Single();

        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await scenario.Engine.CompleteTaskAsync(task.Id, Scenario.Variables(new { by = i }), $"user{i}");
                return (Ok: true, Error: (EngineException?)null);
            }
            catch (EngineException exception)
            {
                return (Ok: false, Error: exception);
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Ok).ShouldBe(1);
        var conflicts = results.Where(r => !r.Ok).Select(r => r.Error!).ToList();
        conflicts.Count.ShouldBe(49);
        conflicts.ShouldAllBe(e => e.Error.Kind == EngineErrorKind.Conflict);
        conflicts.Count(e => e.Error == EngineErrors.TaskNotOpen).ShouldBeGreaterThan(40);
        conflicts.Where(e => e.Error == EngineErrors.TaskNotOpen).ShouldAllBe(e => e.Message.Contains("already completed by user"));
        await scenario.ShouldHaveOpenTasksAsync("next");
        (await scenario.Queries.GetHistoryAsync(scenario.Instance))
            .Count(h => h.Type == FourDuty.Engine.Runtime.State.HistoryEventType.TaskCompleted).ShouldBe(1);
    }

    [SkippableFact]
    public async Task TwentyConcurrentComments_OfAThrottledType_RecordOne_AndTheRestAreToldWhenTheNextIsTaken()
    {
        await using var scenario = await Scenario.DeployAsync(store, OneTask);
        await scenario.StartAsync("p");
        var task = (await scenario.OpenTaskRecordsAsync()).Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            scenario.Engine.CommentOnTaskAsync(task.Id, new FourDuty.Engine.Runtime.Tasks.TaskComment("urge", $"user{i}", $"please {i}"), TimeSpan.FromHours(1)))));

        var recorded = results.Where(r => r.Recorded is not null).ShouldHaveSingleItem().Recorded!;
        results.Where(r => r.Recorded is null).ShouldAllBe(r => r.NextAllowedAt == recorded.At.AddHours(1) && r.Previous!.Id == recorded.Id);
        var history = (await scenario.Queries.GetHistoryAsync(scenario.Instance)).Where(h => h.Type == FourDuty.Engine.Runtime.State.HistoryEventType.TaskCommented).ToList();
        history.ShouldHaveSingleItem().SubjectId.ShouldBe(task.Id);
        // Another type is not held back by it, and the task itself did not change.
        (await scenario.Engine.CommentOnTaskAsync(task.Id, new("comment", "user0", null), TimeSpan.FromHours(1))).Recorded.ShouldNotBeNull();
        (await scenario.OpenTaskRecordsAsync()).Single().Revision.ShouldBe(task.Revision);
    }

    [SkippableFact]
    public async Task MessageCorrelation_ByKeyPicksOne_WithoutKeyIsAmbiguous()
    {
        await using var scenario = await Scenario.DeployAsync(store, ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <receiveTask id="wait" messageRef="m">
              <extensionElements><camunda:properties><camunda:property name="correlationKey" value="${subject}"/></camunda:properties></extensionElements>
            </receiveTask>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="after"/>
            <userTask id="after"/>
            """, """<message id="m" name="feedbackArrived"/>"""));
        var first = await scenario.StartAsync("p", new { subject = "college-a" });
        var second = await scenario.StartAsync("p", new { subject = "college-b" });

        var ambiguous = await Should.ThrowAsync<EngineException>(() => scenario.CorrelateAsync("feedbackArrived"));
        ambiguous.Error.ShouldBe(EngineErrors.MessageAmbiguous);
        var missing = await Should.ThrowAsync<EngineException>(() => scenario.CorrelateAsync("feedbackArrived", "college-z"));
        missing.Error.ShouldBe(EngineErrors.MessageNotCorrelated);

        var delivery = await scenario.Engine.CorrelateMessageAsync("feedbackArrived", "college-b");

        delivery.InstanceId.ShouldBe(second);
        (await scenario.Queries.ListTasksAsync(new(InstanceId: second))).ShouldHaveSingleItem().ElementId.ShouldBe("after");
        (await scenario.Queries.ListTasksAsync(new(InstanceId: first))).ShouldBeEmpty();
    }
}

public sealed class ConcurrencyTestsInMemory() : ConcurrencyTests(TestStore.InMemory);

public sealed class ConcurrencyTestsOnSqlite() : ConcurrencyTests(TestStore.Sqlite);

public sealed class ConcurrencyTestsOnPostgres() : ConcurrencyTests(TestStore.Postgres);
