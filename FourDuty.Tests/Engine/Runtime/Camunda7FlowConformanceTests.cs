using FourDuty.Engine.Runtime.State;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>
/// Camunda 7's flow cases (../shared/conformance/camunda7/EXPECTATIONS.md), each run through the scenario
/// harness. Numbers in the names are the case numbers of that file.
/// </summary>
public abstract class Camunda7FlowConformanceTests(TestStore store)
{
    private const string Folder = "Engine/Bpmn/Conformance/Camunda7/";

    [SkippableTheory]
    [InlineData(1, "theTask1")]
    [InlineData(5, "theTask2")]
    [InlineData(3, "theTask3")]
    public async Task ExclusiveGateway_TakesFirstTrueConditionElseDefault_Case1(int input, string expected)
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "ExclusiveGatewayTest.testDefaultSequenceFlow.bpmn20.xml");
        await scenario.StartAsync("exclusiveGwDefaultSequenceFlow", new { input });

        await scenario.ShouldHaveOpenTasksAsync(expected);
        await scenario.CompleteAsync(expected);
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task ParallelGateway_JoinsNestedForks_Case2()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "ParallelGatewayTest.testNestedForkJoin.bpmn20.xml");
        await scenario.StartAsync("nestedForkJoin");

        await scenario.ShouldHaveOpenTasksAsync("Task_0");
        await scenario.CompleteAsync("Task_0");
        await scenario.ShouldHaveOpenTasksAsync("Task_A", "Task_B");
        await scenario.CompleteAsync("Task_A");
        await scenario.ShouldHaveOpenTasksAsync("Task_B");
        await scenario.CompleteAsync("Task_B");
        await scenario.ShouldHaveOpenTasksAsync("Task_B1", "Task_B2");
        await scenario.CompleteAsync("Task_B1");
        await scenario.ShouldHaveOpenTasksAsync("Task_B2");
        await scenario.CompleteAsync("Task_B2");
        await scenario.ShouldHaveOpenTasksAsync("Task_C");
        await scenario.CompleteAsync("Task_C");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task ParallelGateway_UnstructuredTwoJoinsOfManualTasks_EndsAtOnce_Case3()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "ParallelGatewayTest.testUnstructuredConcurrencyTwoJoins.bpmn20.xml");
        await scenario.StartAsync("unstructuredConcurrencyTwoJoins");

        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.TimerCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task InclusiveGateway_PartialMergeWaitsForTokenThatCanStillArrive_Case4()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "InclusiveGatewayTest.testPartialMergingInclusiveGateway.bpmn20.xml");
        await scenario.StartAsync("partialInclusiveGwMerging", new { input = 2 });

        await scenario.ShouldHaveOpenTasksAsync("partialTask");
        await scenario.CompleteAsync("partialTask");
        await scenario.ShouldHaveOpenTasksAsync("theTask");
        await scenario.CompleteAsync("theTask");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task InclusiveGateway_JoinWaitsForTokenParkedAtEventGateway_Case5()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "InclusiveGatewayTest.testJoinAfterEventBasedGateway.bpmn20.xml");
        await scenario.StartAsync("process");

        await scenario.ShouldHaveOpenTasksAsync("theTask");
        (await scenario.SubscriptionCountAsync()).ShouldBe(2);
        await scenario.CompleteAsync("theTask");
        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.IsEndedAsync()).ShouldBeFalse();

        await scenario.CorrelateAsync("foo");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterJoin");
        (await scenario.SubscriptionCountAsync()).ShouldBe(0);
        await scenario.CompleteAsync("taskAfterJoin");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task StartEvents_PlainStartUsesNoneStartEvent_Case13()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageStartEventTest.testMessageStartEventAndNoneStartEvent.bpmn20.xml");
        await scenario.StartAsync("testProcess");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterNoneStart");
        (await scenario.IsEndedAsync()).ShouldBeFalse();
        await scenario.CompleteAsync("taskAfterNoneStart");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task StartEvents_MessageStartsItsOwnPath_Case13()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MessageStartEventTest.testMessageStartEventAndNoneStartEvent.bpmn20.xml");

        var delivery = await scenario.Engine.CorrelateMessageAsync("newInvoiceMessage");

        delivery.Started.ShouldBeTrue();
        var tasks = await scenario.Queries.ListTasksAsync(new(InstanceId: delivery.InstanceId));
        tasks.Select(t => t.ElementId).ShouldBe(["taskAfterMessageStart"]);
        await scenario.Engine.CompleteTaskAsync(tasks[0].Id);
        (await scenario.IsEndedAsync(delivery.InstanceId)).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task ErrorEndEvent_CaughtOnOuterSubprocessCancelsEverythingInside_Case15()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "BoundaryErrorEventTest.testCatchErrorOfInnerSubprocessOnOuterSubprocess.bpmn20.xml");
        await scenario.StartAsync("boundaryErrorTest");
        await scenario.ShouldHaveOpenTasksAsync("innerTask1", "innerTask2");

        await scenario.CompleteAsync("innerTask2");

        await scenario.ShouldHaveOpenTasksAsync("taskAfterErrorCatch");
        await scenario.CompleteAsync("taskAfterErrorCatch");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task ErrorEndEvent_CompletingOtherInnerTaskFirstOnlyEndsThatToken_Case15()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "BoundaryErrorEventTest.testCatchErrorOfInnerSubprocessOnOuterSubprocess.bpmn20.xml");
        await scenario.StartAsync("boundaryErrorTest");

        await scenario.CompleteAsync("innerTask1");

        await scenario.ShouldHaveOpenTasksAsync("innerTask2");
    }

    [SkippableFact]
    public async Task CallActivity_ErrorInCalledProcessCaughtOnCallActivity_Case16()
    {
        await using var scenario = await Scenario.DeployAsync(store, 
            Folder + "CallActivity.testSubProcessDataOutputOnError.bpmn", Folder + "subProcessWithError.bpmn");
        var parent = await scenario.StartAsync("Process_1");
        await scenario.ShouldHaveOpenTasksAsync("UserTask_1");
        var child = (await scenario.FamilyAsync(parent))[1];

        await scenario.CompleteAsync("UserTask_1", new { subVariable = "Hello from Subprocess" });

        await scenario.ShouldHaveOpenTasksAsync("UserTask_2");
        (await scenario.IsEndedAsync(child)).ShouldBeTrue();
        // The spec's reading, not Camunda's: an activity left through an error boundary produces no outputs.
        (await scenario.HasVariableAsync("subVariable", parent)).ShouldBeFalse();
        await scenario.CompleteAsync("UserTask_2");
        (await scenario.IsEndedAsync(parent)).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task MultiInstance_SequentialRunsOneAfterAnother_Case21A()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MultiInstanceTest.sequentialUserTasks.bpmn20.xml");
        await scenario.StartAsync("miSequentialUserTasks", new { nrOfLoops = 3 });

        for (var i = 0; i < 3; i++)
        {
            var tasks = await scenario.OpenTaskRecordsAsync();
            tasks.Count.ShouldBe(1);
            tasks[0].Assignee.ShouldBe($"kermit_{i}");
            (await scenario.TimerCountAsync()).ShouldBe(1);
            await scenario.CompleteAsync("miTasks");
        }

        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.TimerCountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task MultiInstance_BoundaryTimerCancelsRemainingIterations_Case21B()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MultiInstanceTest.sequentialUserTasks.bpmn20.xml");
        await scenario.StartAsync("miSequentialUserTasks", new { nrOfLoops = 3 });
        await scenario.CompleteAsync("miTasks");

        await scenario.AdvanceAsync(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        await scenario.ShouldHaveOpenTasksAsync("taskAfterTimer");
        await scenario.CompleteAsync("taskAfterTimer");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task MultiInstance_CompletionConditionEndsEarly_Case21C()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MultiInstanceTest.sequentialUserTasks.bpmn20.xml");
        await scenario.StartAsync("miSequentialUserTasks", new { nrOfLoops = 10 });

        for (var i = 0; i < 5; i++)
        {
            await scenario.CompleteAsync("miTasks");
        }

        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task MultiInstance_ParallelOverCollectionWithCompletionCondition_Case22A()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml");
        await scenario.StartAsync("miParallelUserTasksBasedOnCollection",
            new { assigneeList = new[] { "kermit", "gonzo", "mispiggy", "fozzie", "bubba" } });

        var tasks = await scenario.OpenTaskRecordsAsync();
        tasks.Select(t => t.Assignee).Order().ShouldBe(["bubba", "fozzie", "gonzo", "kermit", "mispiggy"]);
        tasks.Select(t => t.Name).Order().ShouldBe(["My Task 0", "My Task 1", "My Task 2", "My Task 3", "My Task 4"]);

        foreach (var assignee in new[] { "bubba", "fozzie" })
        {
            await scenario.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == assignee).Id);
        }

        (await scenario.OpenTasksAsync()).Count.ShouldBe(3);
        await scenario.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "gonzo").Id);

        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task MultiInstance_EmptyCollectionEndsAtOnce_Case22B()
    {
        await using var scenario = await Scenario.DeployAsync(store, Folder + "MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml");
        await scenario.StartAsync("miParallelUserTasksBasedOnCollection", new { assigneeList = Array.Empty<string>() });

        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task CallActivity_MapsVariablesInAndOut_Case23()
    {
        await using var scenario = await Scenario.DeployAsync(store, 
            Folder + "CallActivity.testSubProcessDataInputOutput.bpmn20.xml", Folder + "simpleSubProcess.bpmn20.xml");
        var parent = await scenario.StartAsync("subProcessDataInputOutput", new { superVariable = "Hello from the super process." });

        await scenario.ShouldHaveOpenTasksAsync("task");
        var child = (await scenario.FamilyAsync(parent))[1];
        (await scenario.VariableAsync("subVariable", child))!.GetValue<string>().ShouldBe("Hello from the super process.");
        (await scenario.HasVariableAsync("superVariable", child)).ShouldBeFalse();

        await scenario.CompleteAsync("task", new { subVariable = "Hello from sub process." });

        await scenario.ShouldHaveOpenTasksAsync("userTask1");
        (await scenario.VariableAsync("superVariable", parent))!.GetValue<string>().ShouldBe("Hello from sub process.");
        (await scenario.HasVariableAsync("hisLocalVariable", parent)).ShouldBeTrue();
        (await scenario.VariableAsync("hisLocalVariable", parent)).ShouldBeNull();

        await scenario.CompleteAsync("userTask1", new { x = 5 });
        var second = (await scenario.Queries.ListInstancesAsync(new(ParentInstanceId: parent, Status: InstanceStatus.Active))).Single().Id;
        (await scenario.VariableAsync("y", second))!.GetValue<double>().ShouldBe(10);
        await scenario.CompleteAsync("task");

        await scenario.ShouldHaveOpenTasksAsync("userTask2");
        (await scenario.VariableAsync("z", parent))!.GetValue<double>().ShouldBe(15);
        await scenario.CompleteAsync("userTask2");
        (await scenario.IsEndedAsync(parent)).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task CallActivity_MissingInputArrivesAsNull_Case23()
    {
        await using var scenario = await Scenario.DeployAsync(store, 
            Folder + "CallActivity.testSubProcessDataInputOutput.bpmn20.xml", Folder + "simpleSubProcess.bpmn20.xml");
        var parent = await scenario.StartAsync("subProcessDataInputOutput");

        var child = (await scenario.FamilyAsync(parent))[1];
        (await scenario.HasVariableAsync("subVariable", child)).ShouldBeTrue();
        (await scenario.VariableAsync("subVariable", child)).ShouldBeNull();
        (await scenario.HasVariableAsync("superVariable", parent)).ShouldBeFalse();
    }
}

public sealed class Camunda7FlowConformanceTestsInMemory() : Camunda7FlowConformanceTests(TestStore.InMemory);

public sealed class Camunda7FlowConformanceTestsOnSqlite() : Camunda7FlowConformanceTests(TestStore.Sqlite);

public sealed class Camunda7FlowConformanceTestsOnPostgres() : Camunda7FlowConformanceTests(TestStore.Postgres);
