namespace FourDuty.Tests.Engine.Runtime;

/// <summary>
/// Camunda 7's event and timer cases (../shared/conformance/camunda7/EXPECTATIONS.md), through the scenario
/// harness on a simulated clock. Numbers in the names are the case numbers of that file.
/// </summary>
public abstract class Camunda7EventConformanceTests(TestStore store)
{
    private const string Folder = "Engine/Bpmn/Conformance/Camunda7/";
    private const string EventGateway = Folder + "EventBasedGatewayTest.testCatchSignalAndMessageAndTimer.bpmn20.xml";

    [SkippableFact]
    public async Task EventGateway_MessageWinsOverDueTimerThatHasNotRun_Case6()
    {
        await using var scenario = await Scenario.DeployAsync(store, EventGateway);
        await scenario.StartAsync("catchSignal");
        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.SubscriptionCountAsync()).ShouldBe(2);
        (await scenario.TimerCountAsync()).ShouldBe(1);

        scenario.MoveClock(TimeSpan.FromSeconds(10));
        await scenario.CorrelateAsync("newInvoice");

        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
        (await scenario.TimerCountAsync()).ShouldBe(0);
        await scenario.ShouldHaveOpenTasksAsync("task3");
        await scenario.CompleteAsync("task3");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task EventGateway_SignalCancelsTimerAndMessage_Case6()
    {
        await using var scenario = await Scenario.DeployAsync(store, EventGateway);
        await scenario.StartAsync("catchSignal");

        await scenario.SignalAsync("alert");

        await scenario.ShouldHaveOpenTasksAsync("task2");
        (await scenario.TimerCountAsync()).ShouldBe(0);
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task EventGateway_DueTimerCancelsSubscriptions_Case6()
    {
        await using var scenario = await Scenario.DeployAsync(store, EventGateway);
        await scenario.StartAsync("catchSignal");

        await scenario.RunDueWorkAsync();

        await scenario.ShouldHaveOpenTasksAsync("task1");
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task StartTimer_CycleWithLimitStartsTwoInstances_Case7()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "StartTimerEventTest.testCycleWithLimitStartTimerEvent.bpmn20.xml");
        (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 10)).Count.ShouldBe(1);
        (await scenario.Queries.ListInstancesAsync(new())).ShouldBeEmpty();

        await scenario.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        (await scenario.Queries.ListInstancesAsync(new())).Count.ShouldBe(1);
        (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 10)).Count.ShouldBe(1);

        await scenario.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        (await scenario.Queries.ListInstancesAsync(new())).Count.ShouldBe(2);
        (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 10)).ShouldBeEmpty();

        await scenario.AdvanceAsync(TimeSpan.FromDays(1));
        var instances = await scenario.Queries.ListInstancesAsync(new());
        instances.Count.ShouldBe(2);
        instances.ShouldAllBe(i => i.Status == FourDuty.Engine.Runtime.State.InstanceStatus.Active);
    }

    [SkippableFact]
    public async Task IntermediateTimer_FiresWhenDueAndNotBefore_Case8()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "IntermediateTimerEventTest.testCatchingTimerEvent.bpmn20.xml");
        await scenario.StartAsync("intermediateTimerEventExample");
        (await scenario.TimerCountAsync()).ShouldBe(1);

        await scenario.AdvanceAsync(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        (await scenario.IsEndedAsync()).ShouldBeFalse();

        await scenario.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.TimerCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task InterruptingEventSubprocess_CancelsTaskAndItsBoundaryTimer_Case9A()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "InterruptingEventSubProcessTest.testCancelTimer.bpmn");
        await scenario.StartAsync("process");
        await scenario.ShouldHaveOpenTasksAsync("taskBeforeInterruptingEventSuprocess");
        (await scenario.TimerCountAsync()).ShouldBe(1);
        (await scenario.SubscriptionCountAsync()).ShouldBe(1);

        await scenario.CorrelateAsync("newMessage");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterMessageStartEvent");
        (await scenario.TimerCountAsync()).ShouldBe(0);
        await scenario.CompleteAsync("taskAfterMessageStartEvent");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task InterruptingBoundaryTimer_KeepsEventSubprocessListening_Case9B()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "InterruptingEventSubProcessTest.testCancelTimer.bpmn");
        await scenario.StartAsync("process");

        await scenario.AdvanceAsync(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        await scenario.ShouldHaveOpenTasksAsync("taskAfterTimer");
        (await scenario.TimerCountAsync()).ShouldBe(0);
        (await scenario.SubscriptionCountAsync()).ShouldBe(1);
        await scenario.CompleteAsync("taskAfterTimer");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task CompletingTask_RemovesTimerAndSubscription_Case9C()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "InterruptingEventSubProcessTest.testCancelTimer.bpmn");
        await scenario.StartAsync("process");

        await scenario.CompleteAsync("taskBeforeInterruptingEventSuprocess");

        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.TimerCountAsync()).ShouldBe(0);
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task NonInterruptingCycleTimer_FiresEachPeriodWhileTaskRuns_Case10()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "BoundaryTimerNonInterruptingEventTest.testTimerWithCycle.bpmn20.xml");
        await scenario.StartAsync("nonInterruptingCycle");
        await scenario.ShouldHaveOpenTasksAsync("task");
        (await scenario.TimerCountAsync()).ShouldBe(1);

        await scenario.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        await scenario.ShouldHaveOpenTasksAsync("task", "timerFiredTask");
        (await scenario.TimerCountAsync()).ShouldBe(1);

        await scenario.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        await scenario.ShouldHaveOpenTasksAsync("task", "timerFiredTask", "timerFiredTask");

        await scenario.CompleteAsync("task");
        (await scenario.TimerCountAsync()).ShouldBe(0);
        (await scenario.IsEndedAsync()).ShouldBeFalse();

        await scenario.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        await scenario.ShouldHaveOpenTasksAsync("timerFiredTask", "timerFiredTask");
        await scenario.CompleteAsync("timerFiredTask");
        await scenario.CompleteAsync("timerFiredTask");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task TwoNonInterruptingTimers_FireInTurn_Case11()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask.bpmn20.xml");
        await scenario.StartAsync("nonInterruptingTimersOnUserTask");
        await scenario.ShouldHaveOpenTasksAsync("firstTask");
        (await scenario.TimerCountAsync()).ShouldBe(2);

        await scenario.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        (await scenario.TimerCountAsync()).ShouldBe(1);
        await scenario.ShouldHaveOpenTasksAsync("firstTask", "secondTask");
        await scenario.CompleteAsync("secondTask");
        await scenario.ShouldHaveOpenTasksAsync("firstTask");

        await scenario.AdvanceAsync(TimeSpan.FromHours(1));
        (await scenario.TimerCountAsync()).ShouldBe(0);
        await scenario.ShouldHaveOpenTasksAsync("firstTask", "thirdTask");
        await scenario.CompleteAsync("firstTask");
        await scenario.ShouldHaveOpenTasksAsync("thirdTask");
        (await scenario.IsEndedAsync()).ShouldBeFalse();
        await scenario.CompleteAsync("thirdTask");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableTheory]
    [InlineData("messageName_one", "taskAfterMessage_one")]
    [InlineData("messageName_two", "taskAfterMessage_two")]
    public async Task MessageBoundaryOnSubprocess_InterruptsIt_Case12(string message, string expected)
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageBoundaryEventTest.testBoundaryMessageEventOnSubprocess.bpmn20.xml");
        await scenario.StartAsync("process");
        await scenario.ShouldHaveOpenTasksAsync("taskSubProcess");
        (await scenario.SubscriptionCountAsync()).ShouldBe(2);

        await scenario.CorrelateAsync(message);

        await scenario.ShouldHaveOpenTasksAsync(expected);
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
        await scenario.CompleteAsync(expected);
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task MessageBoundaryOnSubprocess_RemovedWhenSubprocessCompletes_Case12()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageBoundaryEventTest.testBoundaryMessageEventOnSubprocess.bpmn20.xml");
        await scenario.StartAsync("process");

        await scenario.CompleteAsync("taskSubProcess");

        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
        await scenario.ShouldHaveOpenTasksAsync("taskAfterSubProcess");
        await scenario.CompleteAsync("taskAfterSubProcess");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Signals_CatchAndBoundaryEachTakeTheirOwn_Case14()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "SignalEventTests.catchMultipleSignals.bpmn20.xml");
        await scenario.StartAsync("catchSignal");
        (await scenario.SubscriptionCountAsync()).ShouldBe(2);
        await scenario.ShouldHaveOpenTasksAsync("task");

        await scenario.SignalAsync("abort");
        (await scenario.SubscriptionCountAsync()).ShouldBe(1);
        await scenario.ShouldHaveOpenTasksAsync("task", "taskAfterAbort");
        await scenario.CompleteAsync("taskAfterAbort");
        await scenario.ShouldHaveOpenTasksAsync("task");

        await scenario.SignalAsync("alert");

        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task InterruptingEscalationBoundary_CatchesThrowInsideSubprocess_Case18()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "EscalationEventTest.testInterruptingEscalationBoundaryEvent.bpmn20.xml");
        await scenario.StartAsync("escalationProcess");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterCatchedEscalation");
        await scenario.CompleteAsync("taskAfterCatchedEscalation");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task NonInterruptingEscalationEndEvent_LetsSubprocessGoOn_Case19()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "EscalationEventTest.testParallelEscalationEndEvent.bpmn20.xml");
        await scenario.StartAsync("escalationProcess");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterCatchedEscalation", "taskInSubprocess");
        await scenario.CompleteAsync("taskInSubprocess");
        (await scenario.IsEndedAsync()).ShouldBeFalse();
        await scenario.ShouldHaveOpenTasksAsync("taskAfterCatchedEscalation");
        await scenario.CompleteAsync("taskAfterCatchedEscalation");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task NonInterruptingMessageEventSubprocess_EndsWithInstance_Case20A()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition.bpmn20.xml");
        await scenario.StartAsync("process");
        (await scenario.SubscriptionCountAsync()).ShouldBe(1);

        await scenario.CompleteAsync("task");

        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData("task", "eventSubProcessTask")]
    [InlineData("eventSubProcessTask", "task")]
    public async Task NonInterruptingMessageEventSubprocess_RunsBesideMainPath_Case20(string first, string second)
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition.bpmn20.xml");
        await scenario.StartAsync("process");

        await scenario.CorrelateAsync("newMessage");

        await scenario.ShouldHaveOpenTasksAsync("eventSubProcessTask", "task");
        (await scenario.SubscriptionCountAsync()).ShouldBe(1);
        await scenario.CompleteAsync(first);
        (await scenario.IsEndedAsync()).ShouldBeFalse();
        await scenario.ShouldHaveOpenTasksAsync(second);
        await scenario.CompleteAsync(second);
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }
}

public sealed class Camunda7EventConformanceTestsInMemory() : Camunda7EventConformanceTests(TestStore.InMemory);

public sealed class Camunda7EventConformanceTestsOnSqlite() : Camunda7EventConformanceTests(TestStore.Sqlite);

public sealed class Camunda7EventConformanceTestsOnPostgres() : Camunda7EventConformanceTests(TestStore.Postgres);
