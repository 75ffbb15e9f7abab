using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>
/// Messages as a Camunda 7 user sends them: the business key picks the instance where the waiting element names no
/// correlation key, process variables narrow it further, an explicit correlation key keeps its meaning, a process that
/// starts only by a message can still be started by key, and a throw event's input parameters are the message's payload.
/// </summary>
public abstract class MessageCorrelationTests(TestStore store)
{
    private static readonly string Feedback = ProcessXml.Of("feedback", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
        <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="review"/>
        <userTask id="review"/>
        """, """<message id="m" name="feedbackArrived"/>""");

    private static readonly string KeyedFeedback = ProcessXml.Of("keyed", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
        <intermediateCatchEvent id="wait">
          <extensionElements><camunda:properties><camunda:property name="correlationKey" value="${college}"/></camunda:properties></extensionElements>
          <messageEventDefinition messageRef="m"/>
        </intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="review"/>
        <userTask id="review"/>
        """, """<message id="m" name="keyedArrived"/>""");

    private static readonly string MessageStarted = ProcessXml.Of("inspection", """
        <startEvent id="start"><messageEventDefinition messageRef="m"/></startEvent>
        <sequenceFlow id="f1" sourceRef="start" targetRef="meet"/>
        <userTask id="meet"/>
        """, """<message id="m" name="inspectionFeedback"/>""");

    private static readonly string Sender = ProcessXml.Of("sender", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
        <intermediateThrowEvent id="send">
          <extensionElements><camunda:inputOutput>
            <camunda:inputParameter name="findings">${count * 2}</camunda:inputParameter>
            <camunda:inputParameter name="source">巡察</camunda:inputParameter>
          </camunda:inputOutput></extensionElements>
          <messageEventDefinition messageRef="m"/>
        </intermediateThrowEvent>
        <sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
        <endEvent id="end"/>
        """, """<message id="m" name="feedbackArrived"/>""");

    [SkippableFact]
    public async Task BusinessKey_PicksTheInstance_WhenTheElementNamesNoCorrelationKey()
    {
        await using var scenario = await Scenario.DeployAsync(store, Feedback);
        var a = await scenario.StartAsync("feedback", businessKey: "college-a");
        var b = await scenario.StartAsync("feedback", businessKey: "college-b");

        var delivery = await scenario.Engine.CorrelateMessageAsync("feedbackArrived", businessKey: "college-b",
            variables: new Dictionary<string, JsonNode?> { ["findings"] = 3 });

        delivery.InstanceId.ShouldBe(b);
        delivery.Started.ShouldBeFalse();
        await scenario.ShouldHaveOpenTasksOfAsync(b, "review");
        await scenario.ShouldHaveOpenTasksOfAsync(a);
        (await scenario.VariableAsync("findings", b))!.ToJsonString().ShouldBe("3");
    }

    [SkippableFact]
    public async Task BusinessKeyMatchingNothing_ChangesNothing_AndSaysSo()
    {
        await using var scenario = await Scenario.DeployAsync(store, Feedback);
        var a = await scenario.StartAsync("feedback", businessKey: "college-a");
        var before = (await scenario.SnapshotAsync(a)).Instance.Revision;

        var refused = await Should.ThrowAsync<EngineException>(() => scenario.Engine.CorrelateMessageAsync("feedbackArrived", businessKey: "college-z"));

        refused.Error.ShouldBe(EngineErrors.MessageNotCorrelated);
        refused.Message.ShouldContain("business key 'college-z'");
        (await scenario.SnapshotAsync(a)).Instance.Revision.ShouldBe(before);
        await scenario.ShouldHaveOpenTasksOfAsync(a);
    }

    [SkippableFact]
    public async Task CorrelationKeysOnProcessVariables_NarrowTheInstances()
    {
        await using var scenario = await Scenario.DeployAsync(store, Feedback);
        await scenario.StartAsync("feedback", new { round = 1 }, businessKey: "college-a");
        var second = await scenario.StartAsync("feedback", new { round = 2 }, businessKey: "college-a");

        var ambiguous = await Should.ThrowAsync<EngineException>(() => scenario.Engine.CorrelateMessageAsync("feedbackArrived", businessKey: "college-a"));
        var delivery = await scenario.Engine.CorrelateMessageAsync("feedbackArrived", businessKey: "college-a",
            processVariables: new Dictionary<string, JsonNode?> { ["round"] = 2 });

        ambiguous.Error.ShouldBe(EngineErrors.MessageAmbiguous);
        delivery.InstanceId.ShouldBe(second);
    }

    [SkippableFact]
    public async Task ExplicitCorrelationKey_StaysAsItIs()
    {
        await using var scenario = await Scenario.DeployAsync(store, KeyedFeedback);
        var a = await scenario.StartAsync("keyed", new { college = "a" });
        var b = await scenario.StartAsync("keyed", new { college = "b" });

        (await scenario.Engine.CorrelateMessageAsync("keyedArrived", "b")).InstanceId.ShouldBe(b);
        await Should.ThrowAsync<EngineException>(() => scenario.Engine.CorrelateMessageAsync("keyedArrived", "z"));
        await scenario.ShouldHaveOpenTasksOfAsync(a);
    }

    [SkippableFact]
    public async Task AProcessThatStartsOnlyByAMessage_StartsByKeyToo_AndByTheMessageWithItsBusinessKey()
    {
        await using var scenario = await Scenario.DeployAsync(store, MessageStarted);

        var byKey = await scenario.StartAsync("inspection", businessKey: "college-a");
        var byMessage = await scenario.Engine.CorrelateMessageAsync("inspectionFeedback", businessKey: "college-b");

        await scenario.ShouldHaveOpenTasksOfAsync(byKey, "meet");
        byMessage.Started.ShouldBeTrue();
        (await scenario.SnapshotAsync(byMessage.InstanceId)).Instance.BusinessKey.ShouldBe("college-b");
    }

    [SkippableFact]
    public async Task ThrowEventInputParameters_BecomeTheReceiversVariables()
    {
        await using var scenario = await Scenario.DeployAsync(store, Feedback, Sender);
        var receiver = await scenario.StartAsync("feedback");

        await scenario.StartAsync("sender", new { count = 4 });

        await scenario.ShouldHaveOpenTasksOfAsync(receiver, "review");
        (await scenario.VariableAsync("findings", receiver))!.ToJsonString().ShouldBe("8");
        (await scenario.VariableAsync("source", receiver))!.GetValue<string>().ShouldBe("巡察");
    }
}

public sealed class MessageCorrelationTestsInMemory() : MessageCorrelationTests(TestStore.InMemory);

public sealed class MessageCorrelationTestsOnSqlite() : MessageCorrelationTests(TestStore.Sqlite);

public sealed class MessageCorrelationTestsOnPostgres() : MessageCorrelationTests(TestStore.Postgres);
