namespace FourDuty.Engine.Bpmn;

/// <summary>Something that happens: a start, an end, something caught or thrown on the way.</summary>
public abstract class Event : FlowNode
{
    /// <summary>The trigger or result (timer, message, signal, error, ...); null for a none event.</summary>
    public EventDefinition? Definition { get; init; }

    /// <summary>
    /// True when the file gives a trigger, even one that could not be read or is not supported (already reported):
    /// such an event is not a none event, and the rules about none events must not report it a second time.
    /// </summary>
    internal bool HasTriggerElement { get; init; }
}

/// <summary>A <c>startEvent</c>.</summary>
public sealed class StartEvent : Event
{
    /// <summary><c>isInterrupting</c> (event subprocesses only): whether starting cancels the enclosing scope's work.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary><c>camunda:initiator</c>: the variable that receives the starting user's id.</summary>
    public string? Initiator { get; init; }

    /// <summary><c>camunda:formKey</c>: the form whoever starts the process fills in (a plain start event's start form).</summary>
    public string? FormKey { get; init; }
}

/// <summary>An <c>endEvent</c>.</summary>
public sealed class EndEvent : Event;

/// <summary>An <c>intermediateCatchEvent</c>: waits for its trigger.</summary>
public sealed class IntermediateCatchEvent : Event;

/// <summary>An <c>intermediateThrowEvent</c>: throws (or, without a definition, passes through).</summary>
public sealed class IntermediateThrowEvent : Event;

/// <summary>A <c>boundaryEvent</c>: catches its trigger while the activity it is attached to runs.</summary>
public sealed class BoundaryEvent : Event
{
    /// <summary>The activity it is attached to.</summary>
    public Activity AttachedTo { get; internal set; } = null!;

    /// <summary><c>cancelActivity</c>: interrupting (the default) or not.</summary>
    public bool CancelActivity { get; init; } = true;
}
