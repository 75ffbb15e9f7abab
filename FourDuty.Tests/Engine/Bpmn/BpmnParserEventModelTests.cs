using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Time;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Valid events parse into the right model objects, each trigger with what it refers to.</summary>
public sealed class BpmnParserEventModelTests
{
    // Referred to with a QName prefix, as Signavio and older modelers write references.
    private const string RootElements = """
        <message id="orderMessage" name="order received"/>
        <signal id="cancelSignal" name="cancel all"/>
        <error id="rejectedError" name="Rejected" errorCode="REJECTED"/>
        <escalation id="lateEscalation" name="Late" escalationCode="LATE"/>
        """;

    [Fact]
    public void Parse_ReadsEachStartTrigger_WhenAProcessHasSeveralStartEvents()
    {
        var xml = Process("""
            <startEvent id="plain" camunda:initiator="starter"/>
            <startEvent id="byMessage"><messageEventDefinition messageRef="tns:orderMessage"/></startEvent>
            <startEvent id="bySignal"><signalEventDefinition signalRef="cancelSignal"/></startEvent>
            <startEvent id="byTimer"><timerEventDefinition><timeDate>2027-01-05T09:00:00+08:00</timeDate></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="plain" targetRef="end"/>
            <sequenceFlow id="f2" sourceRef="byMessage" targetRef="end"/>
            <sequenceFlow id="f3" sourceRef="bySignal" targetRef="end"/>
            <sequenceFlow id="f4" sourceRef="byTimer" targetRef="end"/>
            <endEvent id="end"/>
            """, rootElements: RootElements);

        var model = Parse(xml).ShouldBeClean();

        model.Processes[0].StartEvents.Select(s => s.Id).ShouldBe(["plain", "byMessage", "bySignal", "byTimer"]);
        model.Node<StartEvent>("plain").ShouldSatisfyAllConditions(s => s.Definition.ShouldBeNull(), s => s.Initiator.ShouldBe("starter"));
        model.Node<StartEvent>("byMessage").Definition.ShouldBeOfType<MessageEventDefinition>().Message.ShouldBe(model.Messages["orderMessage"]);
        model.Messages["orderMessage"].Name.ShouldBe("order received");
        model.Node<StartEvent>("bySignal").Definition.ShouldBeOfType<SignalEventDefinition>().Signal.Name.ShouldBe("cancel all");
        var timer = model.Node<StartEvent>("byTimer").Definition.ShouldBeOfType<TimerEventDefinition>();
        timer.Kind.ShouldBe(TimerKind.Date);
        timer.Schedule.ShouldBeOfType<DateSchedule>().At(NodaTime.DateTimeZone.Utc).ShouldBe(new DateTimeOffset(2027, 1, 5, 1, 0, 0, TimeSpan.Zero));
        timer.Line.ShouldBe(LineOf(xml, "<timerEventDefinition>"));
    }

    [Fact]
    public void Parse_ReadsEachEndResult_WhenAProcessHasSeveralEndEvents()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="fork"/>
            <endEvent id="plain"/>
            <endEvent id="stopAll"><terminateEventDefinition/></endEvent>
            <endEvent id="fail"><errorEventDefinition errorRef="tns:rejectedError"/></endEvent>
            <endEvent id="raise"><escalationEventDefinition escalationRef="lateEscalation"/></endEvent>
            <endEvent id="reply"><messageEventDefinition messageRef="orderMessage"/></endEvent>
            <endEvent id="broadcast"><signalEventDefinition signalRef="cancelSignal"/></endEvent>
            <sequenceFlow id="f1" sourceRef="fork" targetRef="plain"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="stopAll"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="fail"/>
            <sequenceFlow id="f4" sourceRef="fork" targetRef="raise"/>
            <sequenceFlow id="f5" sourceRef="fork" targetRef="reply"/>
            <sequenceFlow id="f6" sourceRef="fork" targetRef="broadcast"/>
            """, rootElements: RootElements);

        var model = Parse(xml).ShouldBeClean();

        model.Node<EndEvent>("plain").Definition.ShouldBeNull();
        model.Node<EndEvent>("stopAll").Definition.ShouldBeOfType<TerminateEventDefinition>();
        model.Node<EndEvent>("fail").Definition.ShouldBeOfType<ErrorEventDefinition>().Error!.ErrorCode.ShouldBe("REJECTED");
        model.Node<EndEvent>("raise").Definition.ShouldBeOfType<EscalationEventDefinition>().Escalation!.EscalationCode.ShouldBe("LATE");
        model.Node<EndEvent>("reply").Definition.ShouldBeOfType<MessageEventDefinition>().Message!.Id.ShouldBe("orderMessage");
        model.Node<EndEvent>("broadcast").Definition.ShouldBeOfType<SignalEventDefinition>().Signal.Id.ShouldBe("cancelSignal");
        model.Errors["rejectedError"].ShouldBe(new BpmnError("rejectedError", "Rejected", "REJECTED", LineOf(xml, "<error")));
        model.Escalations["lateEscalation"].ShouldBe(new BpmnEscalation("lateEscalation", "Late", "LATE", LineOf(xml, "<escalation")));
    }

    [Fact]
    public void Parse_ReadsIntermediateCatchAndThrowEvents_WithEachTrigger()
    {
        var xml = Process(Path("""
            <intermediateCatchEvent id="waitTimer"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="waitMessage"><messageEventDefinition messageRef="orderMessage"/></intermediateCatchEvent>
            <intermediateCatchEvent id="waitSignal"><signalEventDefinition signalRef="cancelSignal"/></intermediateCatchEvent>
            <intermediateThrowEvent id="pass"/>
            <intermediateThrowEvent id="sendMessage"><messageEventDefinition messageRef="orderMessage"/></intermediateThrowEvent>
            <intermediateThrowEvent id="sendSignal"><signalEventDefinition signalRef="cancelSignal"/></intermediateThrowEvent>
            <intermediateThrowEvent id="escalate"><escalationEventDefinition escalationRef="lateEscalation"/></intermediateThrowEvent>
            <intermediateThrowEvent id="jump"><linkEventDefinition name="toEnd"/></intermediateThrowEvent>
            <intermediateCatchEvent id="landing"><linkEventDefinition name="toEnd"/></intermediateCatchEvent>
            <sequenceFlow id="landed" sourceRef="landing" targetRef="end"/>
            """, "waitTimer", "waitMessage", "waitSignal", "pass", "sendMessage", "sendSignal", "escalate", "jump")
            .Replace("""<sequenceFlow id="jump-end" sourceRef="jump" targetRef="end"/>""", "", StringComparison.Ordinal), rootElements: RootElements);

        var model = Parse(xml).ShouldBeClean();

        model.Node<IntermediateCatchEvent>("waitTimer").Definition.ShouldBeOfType<TimerEventDefinition>().Schedule.ShouldBeOfType<DurationSchedule>();
        model.Node<IntermediateCatchEvent>("waitMessage").Definition.ShouldBeOfType<MessageEventDefinition>().Message!.Name.ShouldBe("order received");
        model.Node<IntermediateCatchEvent>("waitSignal").Definition.ShouldBeOfType<SignalEventDefinition>();
        model.Node<IntermediateThrowEvent>("pass").Definition.ShouldBeNull();
        model.Node<IntermediateThrowEvent>("sendMessage").Definition.ShouldBeOfType<MessageEventDefinition>();
        model.Node<IntermediateThrowEvent>("sendSignal").Definition.ShouldBeOfType<SignalEventDefinition>();
        model.Node<IntermediateThrowEvent>("escalate").Definition.ShouldBeOfType<EscalationEventDefinition>().Escalation!.Id.ShouldBe("lateEscalation");
        model.Node<IntermediateThrowEvent>("jump").Definition.ShouldBeOfType<LinkEventDefinition>().LinkName.ShouldBe("toEnd");
        model.Node<IntermediateCatchEvent>("landing").Definition.ShouldBeOfType<LinkEventDefinition>().LinkName.ShouldBe("toEnd");
    }

    [Fact]
    public void Parse_ReadsBoundaryEventsWithTheirActivity_WhenInterruptingAndNot()
    {
        var xml = Process(Path("""
            <subProcess id="work">
              <startEvent id="workStart"/>
              <sequenceFlow id="w1" sourceRef="workStart" targetRef="workEnd"/>
              <endEvent id="workEnd"/>
            </subProcess>
            <boundaryEvent id="remind" attachedToRef="work" cancelActivity="false"><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></boundaryEvent>
            <boundaryEvent id="cancelled" attachedToRef="work"><messageEventDefinition messageRef="orderMessage"/></boundaryEvent>
            <boundaryEvent id="abort" attachedToRef="work"><signalEventDefinition signalRef="cancelSignal"/></boundaryEvent>
            <boundaryEvent id="anyError" attachedToRef="work" cancelActivity="true">
              <errorEventDefinition camunda:errorCodeVariable="code" camunda:errorMessageVariable="reason"/>
            </boundaryEvent>
            <boundaryEvent id="escalated" attachedToRef="work" cancelActivity="false">
              <escalationEventDefinition escalationRef="lateEscalation" camunda:escalationCodeVariable="escalationCode"/>
            </boundaryEvent>
            <sequenceFlow id="b1" sourceRef="remind" targetRef="end"/>
            <sequenceFlow id="b2" sourceRef="cancelled" targetRef="end"/>
            <sequenceFlow id="b3" sourceRef="abort" targetRef="end"/>
            <sequenceFlow id="b4" sourceRef="anyError" targetRef="end"/>
            <sequenceFlow id="b5" sourceRef="escalated" targetRef="end"/>
            """, "work"), rootElements: RootElements);

        var model = Parse(xml).ShouldBeClean();

        var work = model.Node<SubProcess>("work");
        work.BoundaryEvents.Select(b => b.Id).ShouldBe(["remind", "cancelled", "abort", "anyError", "escalated"]);
        work.BoundaryEvents.ShouldAllBe(b => b.AttachedTo == work);
        work.BoundaryEvents.Select(b => b.CancelActivity).ShouldBe([false, true, true, true, false]);
        model.Node<BoundaryEvent>("remind").Definition.ShouldBeOfType<TimerEventDefinition>().Schedule.ShouldBeOfType<CycleSchedule>().Repetitions.ShouldBe(3);
        var error = model.Node<BoundaryEvent>("anyError").Definition.ShouldBeOfType<ErrorEventDefinition>();
        error.ShouldSatisfyAllConditions(
            () => error.Error.ShouldBeNull(),
            () => error.ErrorCodeVariable.ShouldBe("code"),
            () => error.ErrorMessageVariable.ShouldBe("reason"));
        model.Node<BoundaryEvent>("escalated").Definition.ShouldBeOfType<EscalationEventDefinition>().EscalationCodeVariable.ShouldBe("escalationCode");
    }

    [Theory]
    [InlineData("timeDate", "2027-01-05T09:00:00", TimerKind.Date, typeof(DateSchedule))]
    [InlineData("timeDuration", "P1M", TimerKind.Duration, typeof(DurationSchedule))]
    [InlineData("timeCycle", "R/PT1H", TimerKind.Cycle, typeof(CycleSchedule))]
    [InlineData("timeCycle", "R3/PT1H", TimerKind.Cycle, typeof(CycleSchedule))]
    [InlineData("timeCycle", "R/2027-01-05T09:00:00+08:00/P1Y", TimerKind.Cycle, typeof(CycleSchedule))]
    [InlineData("timeCycle", "0 0 9 * * ?", TimerKind.Cycle, typeof(CronSchedule))]
    [InlineData("timeCycle", "0 9 * * MON-FRI", TimerKind.Cycle, typeof(CronSchedule))]
    public void Parse_ReadsTheTimerKindAndSchedule_WhenTheValueIsFixed(string element, string value, TimerKind kind, Type schedule)
    {
        var xml = Process(Path($"""
            <intermediateCatchEvent id="wait"><timerEventDefinition id="timer"><{element} xsi:type="tFormalExpression">
              {value}
            </{element}></timerEventDefinition></intermediateCatchEvent>
            """, "wait"));

        var timer = Parse(xml).ShouldBeClean().Node<IntermediateCatchEvent>("wait").Definition.ShouldBeOfType<TimerEventDefinition>();

        timer.Id.ShouldBe("timer");
        timer.Kind.ShouldBe(kind);
        timer.Value.Source.ShouldBe(value);
        timer.Schedule.ShouldBeOfType(schedule);
    }

    [Fact]
    public void Parse_ReadsNonInterruptingStartsOfEventSubProcesses()
    {
        var xml = Process(Path("""
            <subProcess id="onCancel" triggeredByEvent="true">
              <startEvent id="cancelStart" isInterrupting="false"><messageEventDefinition messageRef="orderMessage"/></startEvent>
              <sequenceFlow id="c1" sourceRef="cancelStart" targetRef="cancelEnd"/>
              <endEvent id="cancelEnd"/>
            </subProcess>
            <subProcess id="onError" triggeredByEvent="true">
              <startEvent id="errorStart"><errorEventDefinition errorRef="rejectedError"/></startEvent>
              <sequenceFlow id="e1" sourceRef="errorStart" targetRef="errorEnd"/>
              <endEvent id="errorEnd"/>
            </subProcess>
            """), rootElements: RootElements);

        var model = Parse(xml).ShouldBeClean();

        model.Node<StartEvent>("cancelStart").IsInterrupting.ShouldBeFalse();
        model.Node<StartEvent>("errorStart").IsInterrupting.ShouldBeTrue();
        model.Node<StartEvent>("errorStart").Definition.ShouldBeOfType<ErrorEventDefinition>().Error!.Id.ShouldBe("rejectedError");
    }
}
