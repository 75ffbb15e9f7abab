using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Valid gateways, flows, conditions, lanes and process attributes parse into the right model objects.</summary>
public sealed class BpmnParserFlowModelTests
{
    [Fact]
    public void Parse_ConnectsFlowsInDocumentOrderWithConditionsAndTheDefault_WhenAnExclusiveGatewaySplits()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" name="claim" sourceRef="start" targetRef="amount"/>
            <exclusiveGateway id="amount" default="small"/>
            <sequenceFlow id="large" sourceRef="amount" targetRef="board">
              <conditionExpression xsi:type="tFormalExpression"><![CDATA[${amount > 10000}]]></conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="medium" sourceRef="amount" targetRef="manager">
              <conditionExpression xsi:type="tFormalExpression" language="javascript">#{amount > 1000}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="small" sourceRef="amount" targetRef="end"/>
            <userTask id="board"/>
            <userTask id="manager"/>
            <sequenceFlow id="b" sourceRef="board" targetRef="end"/>
            <sequenceFlow id="m" sourceRef="manager" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var model = Parse(xml).ShouldBeClean();
        var gateway = model.Node<ExclusiveGateway>("amount");

        gateway.Incoming.Select(f => f.Id).ShouldBe(["in"]);
        gateway.Outgoing.Select(f => f.Id).ShouldBe(["large", "medium", "small"]);
        gateway.DefaultFlow.ShouldBe(model.Flow("small"));
        model.Flow("small").ShouldSatisfyAllConditions(f => f.IsDefault.ShouldBeTrue(), f => f.Condition.ShouldBeNull());
        model.Flow("large").Condition!.Source.ShouldBe("${amount > 10000}");
        model.Flow("medium").Condition!.IsSingleScript.ShouldBeTrue();
        model.Flow("in").ShouldSatisfyAllConditions(
            f => f.Name.ShouldBe("claim"), f => f.Source.Id.ShouldBe("start"), f => f.Target.ShouldBe(gateway), f => f.Line.ShouldBe(LineOfId(xml, "in")));
        model.Node<EndEvent>("end").Incoming.Select(f => f.Id).ShouldBe(["small", "b", "m"]);
    }

    [Fact]
    public void Parse_ReadsEachGatewayKind()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="s" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f1" sourceRef="fork" targetRef="some"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="wait"/>
            <inclusiveGateway id="some" default="i2"/>
            <sequenceFlow id="i1" sourceRef="some" targetRef="join"><conditionExpression>${urgent}</conditionExpression></sequenceFlow>
            <sequenceFlow id="i2" sourceRef="some" targetRef="join"/>
            <eventBasedGateway id="wait"/>
            <sequenceFlow id="w1" sourceRef="wait" targetRef="answer"/>
            <sequenceFlow id="w2" sourceRef="wait" targetRef="timeout"/>
            <receiveTask id="answer"/>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="a" sourceRef="answer" targetRef="join"/>
            <sequenceFlow id="t" sourceRef="timeout" targetRef="join"/>
            <exclusiveGateway id="join"/>
            <sequenceFlow id="j" sourceRef="join" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var model = Parse(xml).ShouldBeClean();

        model.Node<ParallelGateway>("fork").Outgoing.Count.ShouldBe(2);
        model.Node<InclusiveGateway>("some").DefaultFlow!.Id.ShouldBe("i2");
        model.Node<EventBasedGateway>("wait").Outgoing.Select(f => f.Target.Id).ShouldBe(["answer", "timeout"]);
        model.Node<ExclusiveGateway>("join").Incoming.Count.ShouldBe(4);
    }

    [Fact]
    public void Parse_ReadsAConditionalFlowAndADefaultFlow_WhenTheyLeaveATask()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="s" sourceRef="start" targetRef="review"/>
            <userTask id="review" default="normal"/>
            <sequenceFlow id="urgent" sourceRef="review" targetRef="end"><conditionExpression>${urgent}</conditionExpression></sequenceFlow>
            <sequenceFlow id="normal" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var model = Parse(xml).ShouldBeClean();

        model.Node<UserTask>("review").DefaultFlow!.Id.ShouldBe("normal");
        model.Flow("urgent").Condition!.Source.ShouldBe("${urgent}");
    }

    [Fact]
    public void Parse_PutsEachNodeInItsLane_WhenLanesAreNested()
    {
        var xml = Process(Path("""
            <laneSet id="lanes">
              <lane id="committee" name="Party committee">
                <extensionElements><camunda:properties><camunda:property name="candidateGroup" value="committee"/></camunda:properties></extensionElements>
                <flowNodeRef>start</flowNodeRef>
                <childLaneSet id="committeeLanes">
                  <lane id="office" name="Office"><flowNodeRef>draft</flowNodeRef></lane>
                </childLaneSet>
              </lane>
              <lane id="secretary" name="Secretary"><flowNodeRef>approve</flowNodeRef><flowNodeRef>end</flowNodeRef></lane>
            </laneSet>
            <userTask id="draft"/>
            <userTask id="approve"/>
            """, "draft", "approve"));

        var model = Parse(xml).ShouldBeClean();
        var lanes = model.Processes[0].Lanes;

        lanes.Select(l => (l.Id, l.Name, l.ParentLane?.Id)).ShouldBe([("committee", "Party committee", null), ("office", "Office", "committee"), ("secretary", "Secretary", null)]);
        lanes[0].Properties["candidateGroup"].ShouldBe("committee");
        new[] { "start", "draft", "approve", "end" }.Select(id => model.Node<FlowNode>(id).Lane!.Id).ShouldBe(["committee", "office", "secretary", "secretary"]);
    }

    [Fact]
    public void Parse_ReadsNamesDocumentationAndProcessAttributes()
    {
        var xml = Process(Path("""
            <userTask id="task" name="Fill in the list">
              <documentation>First paragraph.</documentation>
              <documentation textFormat="text/plain">  Second paragraph.  </documentation>
            </userTask>
            """, "task")).Replace("""<process id="process" isExecutable="true">""", """
            <process id="process" name="Annual list" isExecutable="true" camunda:versionTag="2027.1">
              <documentation>Art. 10</documentation>
              <extensionElements><camunda:properties><camunda:property name="article" value="10"/></camunda:properties></extensionElements>
            """, StringComparison.Ordinal);

        var process = Parse(xml).ShouldBeClean().Processes.Single();

        process.ShouldSatisfyAllConditions(
            p => p.Id.ShouldBe("process"), p => p.Name.ShouldBe("Annual list"), p => p.IsExecutable.ShouldBeTrue(),
            p => p.VersionTag.ShouldBe("2027.1"), p => p.Documentation.ShouldBe("Art. 10"), p => p.Properties["article"].ShouldBe("10"),
            p => p.Line.ShouldBe(LineOf(xml, "<process")));
        var task = process.FlowNodes.Single(n => n.Id == "task");
        task.Name.ShouldBe("Fill in the list");
        task.Documentation.ShouldBe("First paragraph.\n\nSecond paragraph.");
        task.ToString().ShouldBe("UserTask 'task'");
    }

    [Fact]
    public void Parse_ReadsTheProcessOfAPool_WhenTheFileHasACollaborationAsBpmnJsWritesIt()
    {
        var xml = Definitions($"""
            <collaboration id="collaboration">
              <participant id="pool" name="Office" processRef="process"/>
              <participant id="outside" name="Inspection team"/>
              <messageFlow id="feedback" sourceRef="outside" targetRef="start"/>
            </collaboration>
            <process id="process" isExecutable="true">
            {Path("")}
            </process>
            """);

        Parse(xml).ShouldBeClean().ExecutableProcesses.Select(p => p.Id).ShouldBe(["process"]);
    }

    [Fact]
    public void Parse_ReadsAModelWrittenWithAPrefixForTheBpmnNamespace()
    {
        var xml = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <bpmn:process id="process" isExecutable="true">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

        Parse(xml).ShouldBeClean().Flow("f").Target.ShouldBeOfType<EndEvent>();
    }
}
