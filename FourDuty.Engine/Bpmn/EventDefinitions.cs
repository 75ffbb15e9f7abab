using FourDuty.Engine.Expressions;
using FourDuty.Engine.Time;

namespace FourDuty.Engine.Bpmn;

/// <summary>What an event waits for or throws.</summary>
public abstract class EventDefinition
{
    /// <summary>The definition's id, if the file gives one.</summary>
    public string? Id { get; init; }

    /// <summary>The line of the definition in its file.</summary>
    public int Line { get; init; }
}

/// <summary>A timer: <c>timeDate</c>, <c>timeDuration</c> or <c>timeCycle</c>.</summary>
public sealed class TimerEventDefinition : EventDefinition
{
    /// <summary>Which of the three the value is.</summary>
    public TimerKind Kind { get; init; }

    /// <summary>The value as written; may hold <c>${...}</c>.</summary>
    public required Expression Value { get; init; }

    /// <summary>The schedule, when the value is fixed text; null when it is an expression, evaluated when the timer is set.</summary>
    public TimerSchedule? Schedule { get; init; }
}

/// <summary>A message trigger.</summary>
public sealed class MessageEventDefinition : EventDefinition
{
    /// <summary>The message; null only for throw events, which then send nothing but a local trigger.</summary>
    public BpmnMessage? Message { get; init; }
}

/// <summary>A signal trigger: broadcast to every waiting catcher.</summary>
public sealed class SignalEventDefinition : EventDefinition
{
    /// <summary>The signal.</summary>
    public required BpmnSignal Signal { get; init; }
}

/// <summary>An error: thrown by an end event, caught by a boundary event or event subprocess.</summary>
public sealed class ErrorEventDefinition : EventDefinition
{
    /// <summary>The error; null on a catch means "catch every error".</summary>
    public BpmnError? Error { get; init; }

    /// <summary><c>camunda:errorCodeVariable</c>: where a catch puts the caught code.</summary>
    public string? ErrorCodeVariable { get; init; }

    /// <summary><c>camunda:errorMessageVariable</c>: where a catch puts the caught message.</summary>
    public string? ErrorMessageVariable { get; init; }
}

/// <summary>An escalation: a non-fatal "someone above must know".</summary>
public sealed class EscalationEventDefinition : EventDefinition
{
    /// <summary>The escalation; null on a catch means "catch every escalation".</summary>
    public BpmnEscalation? Escalation { get; init; }

    /// <summary><c>camunda:escalationCodeVariable</c>: where a catch puts the caught code.</summary>
    public string? EscalationCodeVariable { get; init; }
}

/// <summary>Terminate: ends every token of the scope.</summary>
public sealed class TerminateEventDefinition : EventDefinition;

/// <summary>A link: a throw jumps to the catch of the same name in the same scope.</summary>
public sealed class LinkEventDefinition : EventDefinition
{
    /// <summary>The link name that pairs throw and catch.</summary>
    public required string LinkName { get; init; }
}
