using FourDuty.Engine.Runtime.State;

namespace FourDuty.Tests.Engine.Runtime;

public sealed class IncidentTests
{
    private static readonly string Gateway = ProcessXml.Of("gw", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
        <exclusiveGateway id="decide"/>
        <sequenceFlow id="big" sourceRef="decide" targetRef="approve"><conditionExpression>${amount > 1000}</conditionExpression></sequenceFlow>
        <sequenceFlow id="small" sourceRef="decide" targetRef="done"><conditionExpression>${amount &lt;= 1000}</conditionExpression></sequenceFlow>
        <userTask id="approve"/>
        <sequenceFlow id="f2" sourceRef="approve" targetRef="done"/>
        <endEvent id="done"/>
        """);

    [Fact]
    public async Task FailingCondition_RaisesIncidentNamingElementAndExpression_WhenVariableIsMissing()
    {
        await using var scenario = await Scenario.DeployAsync(Gateway);

        await scenario.StartAsync("gw");

        var snapshot = await scenario.SnapshotAsync();
        snapshot.Instance.Status.ShouldBe(InstanceStatus.Active);
        var incident = snapshot.Incidents.ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("decide");
        incident.Code.ShouldBe("ENGINE-EXPRESSION");
        incident.Message.ShouldContain("'decide'");
        incident.Message.ShouldContain("${amount > 1000}");
        incident.Message.ShouldContain("amount is not defined");
        snapshot.Tokens.ShouldHaveSingleItem().Status.ShouldBe(TokenStatus.Failed);
    }

    [Fact]
    public async Task Retry_ContinuesFromTheFailedElement_WhenDataWasFixed()
    {
        await using var scenario = await Scenario.DeployAsync(Gateway);
        await scenario.StartAsync("gw");
        var incident = (await scenario.SnapshotAsync()).Incidents.Single();

        await scenario.Engine.SetVariablesAsync(scenario.Instance, Scenario.Variables(new { amount = 5000 })!);
        await scenario.Engine.RetryIncidentAsync(incident.Id);

        await scenario.ShouldHaveOpenTasksAsync("approve");
        (await scenario.SnapshotAsync()).Incidents.ShouldBeEmpty();
        var history = await scenario.Queries.GetHistoryAsync(scenario.Instance);
        history.Select(h => h.Type).ShouldContain(HistoryEventType.IncidentCreated);
        history.Select(h => h.Type).ShouldContain(HistoryEventType.IncidentResolved);
    }

    [Fact]
    public async Task NoConditionHolds_RaisesNoFlowIncident_WhenThereIsNoDefault()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
            <exclusiveGateway id="decide"/>
            <sequenceFlow id="a" sourceRef="decide" targetRef="end"><conditionExpression>${x == 1}</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="decide" targetRef="end"><conditionExpression>${x == 2}</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
            """));

        await scenario.StartAsync("p", new { x = 3 });

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.Code.ShouldBe("ENGINE-NO-FLOW");
        incident.Message.ShouldContain("exclusive gateway 'decide'");
    }

    [Fact]
    public async Task UncaughtErrorEndEvent_BecomesIncident()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fail"/>
            <endEvent id="fail"><errorEventDefinition errorRef="boom"/></endEvent>
            """, """<error id="boom" errorCode="BOOM"/>"""));

        await scenario.StartAsync("p");

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.Code.ShouldBe("ENGINE-UNCAUGHT-ERROR");
        incident.Message.ShouldContain("'BOOM'");
    }

    [Fact]
    public async Task Cancel_WithdrawsIncidentsTasksTimersAndCalledInstances()
    {
        await using var scenario = await Scenario.DeployAsync(
            ProcessXml.Of("parent", """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                <parallelGateway id="fork"/>
                <sequenceFlow id="f2" sourceRef="fork" targetRef="call"/>
                <sequenceFlow id="f3" sourceRef="fork" targetRef="wait"/>
                <callActivity id="call" calledElement="child"/>
                <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
                """),
            ProcessXml.Of("child", """
                <startEvent id="cs"/>
                <sequenceFlow id="c1" sourceRef="cs" targetRef="work"/>
                <userTask id="work"/>
                """));
        var parent = await scenario.StartAsync("parent");
        var child = (await scenario.FamilyAsync(parent))[1];

        await scenario.Engine.CancelInstanceAsync(parent, "no longer needed");

        var parentView = await scenario.SnapshotAsync(parent);
        parentView.Instance.Status.ShouldBe(InstanceStatus.Cancelled);
        parentView.Instance.EndReason.ShouldBe("no longer needed");
        parentView.Timers.ShouldBeEmpty();
        parentView.Tokens.ShouldBeEmpty();
        (await scenario.SnapshotAsync(child)).Instance.Status.ShouldBe(InstanceStatus.Cancelled);
        (await scenario.Queries.ListTasksAsync(new(InstanceId: child))).ShouldBeEmpty();
        (await scenario.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 10)).ShouldBeEmpty();
    }
}
