using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Gateways and conditions: BPMN-040 to 045.</summary>
public sealed class BpmnValidatorGatewayRulesTests
{
    [Fact]
    public void Parse_ReportsGatewayFlowCount_WhenAGatewayHasNoOutgoingFlow()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="split"/>
            <parallelGateway id="split"/>
            """);

        Parse(xml).ShouldReport("BPMN-040", "split", LineOfId(xml, "split"), ProblemSeverity.Error).Message.ShouldContain("no outgoing sequence flow");
    }

    [Fact]
    public void Parse_ReportsGatewayFlowCount_WhenAGatewayHasNoIncomingFlow()
    {
        var xml = Process(Path("""
            <exclusiveGateway id="orphan"/>
            <sequenceFlow id="out1" sourceRef="orphan" targetRef="end"><conditionExpression>${a}</conditionExpression></sequenceFlow>
            <sequenceFlow id="out2" sourceRef="orphan" targetRef="end"><conditionExpression>${!a}</conditionExpression></sequenceFlow>
            """));

        Parse(xml).ShouldReport("BPMN-040", "orphan", LineOfId(xml, "orphan"), ProblemSeverity.Error).Message.ShouldContain("no incoming sequence flow");
    }

    [Fact]
    public void Parse_ReportsGatewayFlowCount_WhenAnEventBasedGatewayLeadsToOneEvent()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="wait"/>
            <eventBasedGateway id="wait"/>
            <sequenceFlow id="w1" sourceRef="wait" targetRef="timeout"/>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="t1" sourceRef="timeout" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldReport("BPMN-040", "wait", LineOfId(xml, "wait"), ProblemSeverity.Error).Message.ShouldContain("one outgoing flow");
    }

    [Fact]
    public void Parse_WarnsGatewayPassThrough_WhenAGatewayHasOneFlowInAndOneOut()
    {
        var xml = Process(Path("""<exclusiveGateway id="pointless"/>""", "pointless"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-041"]);
        result.ShouldReport("BPMN-041", "pointless", LineOfId(xml, "pointless"), ProblemSeverity.Warning);
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void Parse_ReportsConditionMissing_WhenASplitFlowHasNoConditionAndIsNotTheDefault(string gateway)
    {
        var xml = Process($$"""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="amount"/>
            <{{gateway}} id="amount"/>
            <sequenceFlow id="large" sourceRef="amount" targetRef="end"><conditionExpression>${amount > 1000}</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="amount" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-042"]);
        result.ShouldReport("BPMN-042", "small", LineOfId(xml, "small"), ProblemSeverity.Error).Message.ShouldContain("'amount'");
    }

    [Fact]
    public void Parse_AcceptsTheSplit_WhenTheFlowWithoutConditionIsTheDefault()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="amount"/>
            <exclusiveGateway id="amount" default="small"/>
            <sequenceFlow id="large" sourceRef="amount" targetRef="end"><conditionExpression>${amount > 1000}</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="amount" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldBeClean();
    }

    [Fact]
    public void Parse_WarnsConditionIgnored_WhenTheDefaultFlowHasACondition()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="amount"/>
            <exclusiveGateway id="amount" default="small"/>
            <sequenceFlow id="large" sourceRef="amount" targetRef="end"><conditionExpression>${amount > 1000}</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="amount" targetRef="end"><conditionExpression>${amount &lt;= 1000}</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-043"]);
        result.ShouldReport("BPMN-043", "small", LineOfId(xml, "small"), ProblemSeverity.Warning);
    }

    [Fact]
    public void Parse_WarnsConditionIgnored_WhenAFlowLeavingAParallelGatewayHasACondition()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="a" sourceRef="fork" targetRef="end"><conditionExpression>${urgent}</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="fork" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldReport("BPMN-043", "a", LineOfId(xml, "a"), ProblemSeverity.Warning).Message.ShouldContain("a parallel gateway takes every outgoing flow");
    }

    [Fact]
    public void Parse_ReportsDefaultFlowInvalid_WhenTheDefaultIsNotAnOutgoingFlow()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="choice"/>
            <exclusiveGateway id="choice" default="in"/>
            <sequenceFlow id="yes" sourceRef="choice" targetRef="end"><conditionExpression>${ok}</conditionExpression></sequenceFlow>
            <sequenceFlow id="no" sourceRef="choice" targetRef="end"><conditionExpression>${!ok}</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldReport("BPMN-044", "choice", LineOfId(xml, "choice"), ProblemSeverity.Error).Message.ShouldContain("default=\"in\"");
    }

    [Fact]
    public void Parse_ReportsDefaultFlowInvalid_WhenAParallelGatewayNamesADefault()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork" default="a"/>
            <sequenceFlow id="a" sourceRef="fork" targetRef="end"/>
            <sequenceFlow id="b" sourceRef="fork" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldReport("BPMN-044", "fork", LineOfId(xml, "fork"), ProblemSeverity.Error).Message.ShouldContain("only exclusive and inclusive gateways and activities");
    }

    [Fact]
    public void Parse_ReportsEventGatewayTarget_WhenAnEventBasedGatewayLeadsToAUserTask()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="wait"/>
            <eventBasedGateway id="wait"/>
            <sequenceFlow id="w1" sourceRef="wait" targetRef="timeout"/>
            <sequenceFlow id="w2" sourceRef="wait" targetRef="decide"/>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="decide"/>
            <sequenceFlow id="t" sourceRef="timeout" targetRef="end"/>
            <sequenceFlow id="d" sourceRef="decide" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-045"]);
        result.ShouldReport("BPMN-045", "decide", LineOfId(xml, "decide"), ProblemSeverity.Error).Message.ShouldContain("'wait'");
    }

    [Fact]
    public void Parse_ReportsEventGatewayTarget_WhenTheEventAfterTheGatewayHasAnotherIncomingFlow()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="wait"/>
            <eventBasedGateway id="wait"/>
            <sequenceFlow id="w1" sourceRef="wait" targetRef="timeout"/>
            <sequenceFlow id="w2" sourceRef="wait" targetRef="answer"/>
            <receiveTask id="answer"/>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="t" sourceRef="timeout" targetRef="end"/>
            <sequenceFlow id="sideways" sourceRef="start" targetRef="answer"/>
            <sequenceFlow id="a" sourceRef="answer" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Parse(xml).ShouldReport("BPMN-045", "answer", LineOfId(xml, "answer"), ProblemSeverity.Error).Message.ShouldContain("2 incoming flows");
    }
}
