using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>The shape of the graph: BPMN-030 to 035.</summary>
public sealed class BpmnValidatorStructureRulesTests
{
    [Fact]
    public void Parse_WarnsUnreachable_WhenNoFlowLeadsToATask()
    {
        var xml = Process(Path("""
            <userTask id="forgotten"/>
            <sequenceFlow id="out" sourceRef="forgotten" targetRef="end"/>
            """));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-030"]);
        result.ShouldReport("BPMN-030", "forgotten", LineOfId(xml, "forgotten"), ProblemSeverity.Warning);
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Parse_ReachesBoundaryEventsEventSubProcessesAndLinkTargets_WhenTheirOwnersAreReached()
    {
        var xml = Process(Path("""
            <userTask id="task"/>
            <boundaryEvent id="late" attachedToRef="task"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="lateFlow" sourceRef="late" targetRef="jump"/>
            <intermediateThrowEvent id="jump"><linkEventDefinition name="escalate"/></intermediateThrowEvent>
            <intermediateCatchEvent id="landing"><linkEventDefinition name="escalate"/></intermediateCatchEvent>
            <sequenceFlow id="landed" sourceRef="landing" targetRef="end"/>
            <subProcess id="onCancel" triggeredByEvent="true">
              <startEvent id="cancelStart"><signalEventDefinition signalRef="cancel"/></startEvent>
              <sequenceFlow id="c1" sourceRef="cancelStart" targetRef="cancelEnd"/>
              <endEvent id="cancelEnd"/>
            </subProcess>
            """, "task"), rootElements: """<signal id="cancel" name="cancel"/>""");

        Parse(xml).ShouldBeClean();
    }

    [Fact]
    public void Parse_ReportsNoStartEvent_WhenAProcessHasNone()
    {
        var xml = Process("""<userTask id="task"/>""");

        Parse(xml).ShouldReport("BPMN-031", "process", LineOf(xml, "<process"), ProblemSeverity.Error);
    }

    [Fact]
    public void Parse_ReportsStartEventCountAtTheSecond_WhenAProcessHasTwoPlainStartEvents()
    {
        var xml = Process(Path("""
            <startEvent id="secondStart"/>
            <sequenceFlow id="s2" sourceRef="secondStart" targetRef="end"/>
            """));

        Parse(xml).ShouldReport("BPMN-032", "secondStart", LineOfId(xml, "secondStart"), ProblemSeverity.Error).Message.ShouldContain("start, secondStart");
    }

    [Fact]
    public void Parse_AcceptsTriggeredStartEvents_WhenBesideOnePlainStartEvent()
    {
        var xml = Process(Path("""
            <startEvent id="byMessage"><messageEventDefinition messageRef="order"/></startEvent>
            <startEvent id="yearly"><timerEventDefinition><timeCycle>R/2027-01-05T09:00:00+08:00/P1Y</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="m" sourceRef="byMessage" targetRef="end"/>
            <sequenceFlow id="y" sourceRef="yearly" targetRef="end"/>
            """), rootElements: """<message id="order" name="order"/>""");

        Parse(xml).ShouldBeClean();
    }

    [Theory]
    [InlineData("", "has 0 start events")]
    [InlineData("""<startEvent id="a"/><startEvent id="b"/>""", "has 2 start events")]
    public void Parse_ReportsStartEventCount_WhenAnEmbeddedSubProcessHasNotExactlyOneStart(string starts, string echoed)
    {
        var xml = Process(Path($"""<subProcess id="sub">{starts}</subProcess>""", "sub"));

        Parse(xml).ShouldReport("BPMN-032", "sub", LineOfId(xml, "sub"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsStartEventCount_WhenAnEventSubProcessHasNoStartEvent()
    {
        var xml = Process(Path("""
            <subProcess id="handler" triggeredByEvent="true"><userTask id="handle"/></subProcess>
            """));

        Parse(xml).ShouldReport("BPMN-032", "handler", LineOfId(xml, "handler"), ProblemSeverity.Error).Message.ShouldContain("Event subprocess 'handler' has 0 start events");
    }

    [Fact]
    public void Parse_ReportsIncomingNotAllowed_WhenAFlowLeadsIntoAStartEvent()
    {
        var xml = Process(Path("""<userTask id="task"/><sequenceFlow id="back" sourceRef="task" targetRef="start"/>""", "task"));

        Parse(xml).ShouldReport("BPMN-033", "start", LineOfId(xml, "start"), ProblemSeverity.Error).Message.ShouldContain("(back)");
    }

    [Fact]
    public void Parse_ReportsIncomingNotAllowed_WhenAFlowLeadsIntoABoundaryEvent()
    {
        var xml = Process(Path("""
            <userTask id="task"/>
            <boundaryEvent id="late" attachedToRef="task"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="into" sourceRef="start" targetRef="late"/>
            <sequenceFlow id="lateOut" sourceRef="late" targetRef="end"/>
            """, "task"));

        Parse(xml).ShouldReport("BPMN-033", "late", LineOfId(xml, "late"), ProblemSeverity.Error);
    }

    [Fact]
    public void Parse_ReportsOutgoingNotAllowed_WhenAFlowLeavesAnEndEvent()
    {
        var xml = Process(Path("""<userTask id="after"/><sequenceFlow id="onwards" sourceRef="end" targetRef="after"/>"""));

        Parse(xml).ShouldReport("BPMN-034", "end", LineOfId(xml, "end"), ProblemSeverity.Error).Message.ShouldContain("(onwards)");
    }

    [Fact]
    public void Parse_ReportsLinkUnmatched_WhenNoCatchHasTheLinkName()
    {
        var xml = Process(Path("""
            <intermediateThrowEvent id="jump"><linkEventDefinition name="toReview"/></intermediateThrowEvent>
            <intermediateCatchEvent id="landing"><linkEventDefinition name="toReveiw"/></intermediateCatchEvent>
            <sequenceFlow id="landed" sourceRef="landing" targetRef="end"/>
            """, "jump").Replace("""<sequenceFlow id="jump-end" sourceRef="jump" targetRef="end"/>""", "", StringComparison.Ordinal));

        var result = Parse(xml);

        result.ShouldReport("BPMN-035", "jump", LineOfId(xml, "jump"), ProblemSeverity.Error).Message.ShouldContain("'toReview'");
    }

    [Fact]
    public void Parse_ReportsLinkUnmatchedAtTheSecondCatch_WhenTwoCatchesHaveOneLinkName()
    {
        var xml = Process(Path("""
            <intermediateCatchEvent id="first"><linkEventDefinition name="again"/></intermediateCatchEvent>
            <intermediateCatchEvent id="second"><linkEventDefinition name="again"/></intermediateCatchEvent>
            <sequenceFlow id="f1" sourceRef="first" targetRef="end"/>
            <sequenceFlow id="f2" sourceRef="second" targetRef="end"/>
            """));

        Parse(xml).ShouldReport("BPMN-035", "second", LineOfId(xml, "second"), ProblemSeverity.Error).Message.ShouldContain("(first, second)");
    }
}
