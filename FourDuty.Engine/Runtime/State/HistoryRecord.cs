namespace FourDuty.Engine.Runtime.State;

/// <summary>One append-only history event of an instance: the audit trail and the instance view read them.</summary>
public sealed class HistoryRecord
{
    /// <summary>The event id (time-ordered).</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>When it happened, by the engine's clock.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What happened.</summary>
    public HistoryEventType Type { get; set; }

    /// <summary>The element concerned, if any.</summary>
    public string? ElementId { get; set; }

    /// <summary>The token concerned, if any.</summary>
    public Guid? TokenId { get; set; }

    /// <summary>The task, timer, incident or job concerned, if any.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>Details as JSON (variables changed, who completed, the message of an incident).</summary>
    public string? Details { get; set; }
}

/// <summary>The kinds of history event.</summary>
public enum HistoryEventType
{
#pragma warning disable CS1591 // Each name says what happened.
    InstanceStarted,
    InstanceCompleted,
    InstanceCancelled,
    ElementEntered,
    ElementLeft,
    ElementCancelled,
    FlowTaken,
    TaskCreated,
    TaskCompleted,
    TaskAssigned,
    TaskCancelled,
    VariablesChanged,
    TimerFired,
    MessageCorrelated,
    SignalReceived,
    ErrorCaught,
    EscalationCaught,
    IncidentCreated,
    IncidentResolved,
    JobFailed,
    TaskCommented,
#pragma warning restore CS1591
}
