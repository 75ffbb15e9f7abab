using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Events and timers: BPMN-050, 051, 060.</summary>
public sealed class BpmnParserEventRulesTests
{
    private const string Errors = """<error id="rejected" errorCode="REJECTED"/><escalation id="late" escalationCode="LATE"/>""";

    [Fact]
    public void Parse_ReportsBoundaryAttachment_WhenAnErrorBoundaryEventIsNonInterrupting()
    {
        var xml = Process(Path("""
            <serviceTask id="check" camunda:type="check"/>
            <boundaryEvent id="failed" attachedToRef="check" cancelActivity="false"><errorEventDefinition errorRef="rejected"/></boundaryEvent>
            <sequenceFlow id="f" sourceRef="failed" targetRef="end"/>
            """, "check"), rootElements: Errors);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-050"]);
        result.ShouldReport("BPMN-050", "failed", LineOfId(xml, "failed"), ProblemSeverity.Error).Message.ShouldContain("cancelActivity=\"true\"");
    }

    [Theory]
    [InlineData("""<manualTask id="host"/>""", """<errorEventDefinition errorRef="rejected"/>""", "can never throw an error")]
    [InlineData("""<userTask id="host"/>""", """<escalationEventDefinition escalationRef="late"/>""", "cannot raise an escalation")]
    public void Parse_ReportsBoundaryAttachment_WhenTheActivityCannotRaiseWhatTheEventCatches(string host, string trigger, string echoed)
    {
        var xml = Process(Path($"""
            {host}
            <boundaryEvent id="caught" attachedToRef="host">{trigger}</boundaryEvent>
            <sequenceFlow id="f" sourceRef="caught" targetRef="end"/>
            """, "host"), rootElements: Errors);

        Parse(xml).ShouldReport("BPMN-050", "caught", LineOfId(xml, "caught"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsBoundaryAttachment_WhenABoundaryEventIsAttachedToAGateway()
    {
        var xml = Process(Path("""
            <exclusiveGateway id="gate"/>
            <boundaryEvent id="late" attachedToRef="gate"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            """, "gate"));

        Parse(xml).ShouldReport("BPMN-050", "late", LineOfId(xml, "late"), ProblemSeverity.Error).Message.ShouldContain("'gate', a gateway");
    }

    [Fact]
    public void Parse_ReportsBoundaryAttachment_WhenTheActivityLiesInAnotherScope()
    {
        var xml = Process(Path("""
            <subProcess id="sub">
              <startEvent id="subStart"/>
              <sequenceFlow id="s1" sourceRef="subStart" targetRef="inner"/>
              <userTask id="inner"/>
            </subProcess>
            <boundaryEvent id="late" attachedToRef="inner"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            """, "sub"));

        Parse(xml).ShouldReport("BPMN-050", "late", LineOfId(xml, "late"), ProblemSeverity.Error).Message.ShouldContain("lies in 'process' but its activity 'inner' lies in 'sub'");
    }

    [Theory]
    [InlineData("""<endEvent id="odd"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></endEvent>""", "End event 'odd' cannot be a timer event")]
    [InlineData("""<intermediateCatchEvent id="odd"/>""", "Intermediate catch event 'odd' cannot be a none event")]
    [InlineData("""<intermediateThrowEvent id="odd"><errorEventDefinition errorRef="rejected"/></intermediateThrowEvent>""", "cannot be an error event")]
    [InlineData("""<startEvent id="odd"><errorEventDefinition errorRef="rejected"/></startEvent>""", "(of a process) cannot be an error event")]
    public void Parse_ReportsTriggerNotAllowed_WhenAnEventHasATriggerItsKindCannotHave(string node, string echoed)
    {
        var xml = Process(Path(node), rootElements: Errors);

        Parse(xml).ShouldReport("BPMN-051", "odd", LineOfId(xml, "odd"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsTriggerNotAllowed_WhenTheStartOfAnEmbeddedSubProcessHasATimer()
    {
        var xml = Process(Path("""
            <subProcess id="sub">
              <startEvent id="subStart"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent>
            </subProcess>
            """, "sub"));

        Parse(xml).ShouldReport("BPMN-051", "subStart", LineOfId(xml, "subStart"), ProblemSeverity.Error).Message.ShouldContain("embedded subprocess");
    }

    [Fact]
    public void Parse_ReportsTriggerNotAllowed_WhenAnErrorStartEventIsNonInterrupting()
    {
        var xml = Process(Path("""
            <subProcess id="onError" triggeredByEvent="true">
              <startEvent id="caught" isInterrupting="false"><errorEventDefinition errorRef="rejected"/></startEvent>
              <sequenceFlow id="h" sourceRef="caught" targetRef="handled"/>
              <endEvent id="handled"/>
            </subProcess>
            """), rootElements: Errors);

        Parse(xml).ShouldReport("BPMN-051", "caught", LineOfId(xml, "caught"), ProblemSeverity.Error).Message.ShouldContain("isInterrupting=\"true\"");
    }

    [Theory]
    [InlineData("timeDate", "next monday", "'next monday' is not an ISO 8601 date-time")]
    [InlineData("timeDuration", "3 days", "'3 days' is not an ISO 8601 duration")]
    [InlineData("timeCycle", "R3/PT0S", "'R3/PT0S' repeats more often than once a second")]
    [InlineData("timeCycle", "0 0 9 * * ? 2027", "'0 0 9 * * ? 2027' has a year field")]
    [InlineData("timeDuration", "  ", "the value is empty")]
    public void Parse_ReportsTimerInvalidAtTheValue_WhenTheTimerValueDoesNotParse(string element, string value, string echoed)
    {
        var xml = Process(Path($"""
            <intermediateCatchEvent id="wait">
              <timerEventDefinition>
                <{element}>{value}</{element}>
              </timerEventDefinition>
            </intermediateCatchEvent>
            """, "wait"));

        var problem = Parse(xml).ShouldReport("BPMN-060", "wait", LineOf(xml, $"<{element}>"), ProblemSeverity.Error);

        problem.Message.ShouldContain($"The {element} of 'wait' is invalid: {echoed}");
    }

    [Theory]
    [InlineData("", "has no value")]
    [InlineData("<timeDate>2027-01-05T09:00:00Z</timeDate><timeDuration>P1D</timeDuration>", "has 2 values")]
    public void Parse_ReportsTimerInvalid_WhenTheTimerHasNotExactlyOneValue(string values, string echoed)
    {
        var xml = Process(Path($"""
            <intermediateCatchEvent id="wait">
              <timerEventDefinition>{values}</timerEventDefinition>
            </intermediateCatchEvent>
            """, "wait"));

        Parse(xml).ShouldReport("BPMN-060", "wait", LineOf(xml, "<timerEventDefinition"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_LeavesTheTimerToRunTime_WhenTheValueIsAnExpression()
    {
        var xml = Process(Path("""
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition></intermediateCatchEvent>
            """, "wait"));

        var timer = (TimerEventDefinition)((Event)Parse(xml).ShouldBeClean().Processes[0].FlowNodes.Single(n => n.Id == "wait")).Definition!;

        timer.Value.IsSingleScript.ShouldBeTrue();
        timer.Schedule.ShouldBeNull();
    }
}
