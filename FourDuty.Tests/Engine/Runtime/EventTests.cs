namespace FourDuty.Tests.Engine.Runtime;

/// <summary>Events beyond the Camunda corpus: throws, escalation through call activities, timer event subprocesses, start timers.</summary>
public sealed class EventTests
{
    [Fact]
    public async Task MessageThrowEvent_DeliversToWaitingInstanceOfAnotherProcess()
    {
        await using var scenario = await Scenario.DeployAsync(
            ProcessXml.Of("receiver", """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="got"/>
                <userTask id="got"/>
                """, """<message id="m" name="inspectionFeedback"/>"""),
            ProcessXml.Of("sender", """
                <startEvent id="s"/>
                <sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
                <intermediateThrowEvent id="send"><messageEventDefinition messageRef="m"/></intermediateThrowEvent>
                """, """<message id="m" name="inspectionFeedback"/>"""));
        var receiver = await scenario.StartAsync("receiver");

        await scenario.StartAsync("sender");

        (await scenario.Queries.ListTasksAsync(new(InstanceId: receiver))).ShouldHaveSingleItem().ElementId.ShouldBe("got");
    }

    [Fact]
    public async Task SignalEndEvent_BroadcastsToEveryWaitingInstance()
    {
        await using var scenario = await Scenario.DeployAsync(
            ProcessXml.Of("listener", """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="s"/></intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="go"/>
                <userTask id="go"/>
                """, """<signal id="s" name="yearStarted"/>"""),
            ProcessXml.Of("announcer", """
                <startEvent id="a"/>
                <sequenceFlow id="f1" sourceRef="a" targetRef="shout"/>
                <endEvent id="shout"><signalEventDefinition signalRef="s"/></endEvent>
                """, """<signal id="s" name="yearStarted"/>"""));
        var first = await scenario.StartAsync("listener");
        var second = await scenario.StartAsync("listener");

        await scenario.StartAsync("announcer");

        (await scenario.Queries.ListTasksAsync(new(InstanceId: first))).ShouldHaveSingleItem();
        (await scenario.Queries.ListTasksAsync(new(InstanceId: second))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Escalation_PropagatesOutOfCalledProcess_ToNonInterruptingBoundary()
    {
        await using var scenario = await Scenario.DeployAsync(
            ProcessXml.Of("parent", """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
                <callActivity id="call" calledElement="child"/>
                <sequenceFlow id="f2" sourceRef="call" targetRef="done"/>
                <userTask id="done"/>
                <boundaryEvent id="heard" attachedToRef="call" cancelActivity="false">
                  <escalationEventDefinition escalationRef="late" camunda:escalationCodeVariable="code"/>
                </boundaryEvent>
                <sequenceFlow id="f3" sourceRef="heard" targetRef="talk"/>
                <userTask id="talk"/>
                """, """<escalation id="late" escalationCode="MISSED"/>"""),
            ProcessXml.Of("child", """
                <startEvent id="cs"/>
                <sequenceFlow id="c1" sourceRef="cs" targetRef="raise"/>
                <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="late"/></intermediateThrowEvent>
                <sequenceFlow id="c2" sourceRef="raise" targetRef="work"/>
                <userTask id="work"/>
                """, """<escalation id="late" escalationCode="MISSED"/>"""));

        var parent = await scenario.StartAsync("parent");

        await scenario.ShouldHaveOpenTasksAsync("talk", "work");
        (await scenario.VariableAsync("code", parent))!.GetValue<string>().ShouldBe("MISSED");
        await scenario.CompleteAsync("work");
        await scenario.ShouldHaveOpenTasksAsync("done", "talk");
    }

    [Fact]
    public async Task UncaughtEscalation_LetsTheProcessGoOn()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="raise"/>
            <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="e"/></intermediateThrowEvent>
            <sequenceFlow id="f2" sourceRef="raise" targetRef="next"/>
            <userTask id="next"/>
            """, """<escalation id="e" escalationCode="X"/>"""));

        await scenario.StartAsync("p");

        await scenario.ShouldHaveOpenTasksAsync("next");
        (await scenario.SnapshotAsync()).Incidents.ShouldBeEmpty();
    }

    [Fact]
    public async Task NonInterruptingTimerEventSubprocess_FiresEachCycleWhileProcessRuns_ThenStops()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work"/>
            <subProcess id="reminders" triggeredByEvent="true">
              <startEvent id="remind" isInterrupting="false"><timerEventDefinition><timeCycle>R2/P1D</timeCycle></timerEventDefinition></startEvent>
              <sequenceFlow id="r1" sourceRef="remind" targetRef="note"/>
              <userTask id="note"/>
            </subProcess>
            """));
        await scenario.StartAsync("p");

        await scenario.AdvanceAsync(TimeSpan.FromDays(5));

        await scenario.ShouldHaveOpenTasksAsync("note", "note", "work");
        (await scenario.TimerCountAsync()).ShouldBe(0);
        await scenario.CompleteAsync("work");
        (await scenario.IsEndedAsync()).ShouldBeFalse();
        await scenario.CompleteAsync("note");
        await scenario.CompleteAsync("note");
        (await scenario.IsEndedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task TimerDateWithoutZone_IsReadInShanghaiTime_AndNeverFiresEarly()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>2026-03-03T09:00</timeDate></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="after"/>
            <userTask id="after"/>
            """));
        await scenario.StartAsync("p");

        var timer = (await scenario.SnapshotAsync()).Timers.Single();
        timer.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero));
        await scenario.AdvanceAsync(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        (await scenario.OpenTasksAsync()).ShouldBeEmpty();
        await scenario.AdvanceAsync(TimeSpan.FromSeconds(1));
        await scenario.ShouldHaveOpenTasksAsync("after");
    }

    [Fact]
    public async Task TimerStartEvent_NewVersionReplacesOldVersionsTimer()
    {
        const string V1 = "R/2026-03-02T10:00:00+08:00/P1D";
        const string V2 = "R/2026-03-02T12:00:00+08:00/P1D";
        await using var scenario = await Scenario.DeployAsync(StartTimerModel(V1));

        await scenario.Engine.DeployAsync([Scenario.Resource(StartTimerModel(V2))]);

        var timers = await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 10);
        timers.ShouldHaveSingleItem().DueAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));
        await scenario.AdvanceAsync(TimeSpan.FromDays(2));
        var instances = await scenario.Queries.ListInstancesAsync(new());
        instances.Count.ShouldBe(2);
        instances.ShouldAllBe(i => i.DefinitionVersion == 2);
    }

    [Fact]
    public async Task StartTimerOccurrence_FiredTwiceAtOnce_StartsOneInstance()
    {
        await using var scenario = await Scenario.DeployAsync(StartTimerModel("R/2026-03-02T10:00:00+08:00/P1D"));
        var timer = (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 1)).Single();
        scenario.MoveClock(TimeSpan.FromHours(1));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scenario.Engine.FireTimerAsync(timer.Id, timer.DueAt)));

        (await scenario.Queries.ListInstancesAsync(new())).Count.ShouldBe(1);
    }

    private static string StartTimerModel(string cycle) => ProcessXml.Of("annual", $"""
        <startEvent id="start"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></startEvent>
        <sequenceFlow id="f1" sourceRef="start" targetRef="plan"/>
        <userTask id="plan"/>
        """);
}
