using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime;

/// <summary>
/// How much history the engine writes, as Camunda 7's history levels: each level keeps what the one below it keeps and
/// more. The instance's current state (tokens, tasks, timers, incidents, variables) is kept at every level; only the
/// record of what happened is thinner. Comments people write on tasks (<see cref="HistoryEventType.TaskCommented"/>, an urge
/// among them) are what they wrote, not a record of the engine's work: they are kept at every level. <see cref="Full"/> is the
/// default, and what the college runs with.
/// </summary>
public enum HistoryLevel
{
    /// <summary>No history but the comments on tasks: the instance view shows the present only.</summary>
    None,

    /// <summary>Instances started and ended; elements entered, left and cancelled; task, timer, message, signal, error and escalation events.</summary>
    Activity,

    /// <summary><see cref="Activity"/> and every change of variables, with the values.</summary>
    Audit,

    /// <summary><see cref="Audit"/> and the sequence flows taken, incidents opened and resolved, and failed job attempts.</summary>
    Full,
}

/// <summary>Which events a history level keeps.</summary>
internal static class HistoryLevels
{
    /// <summary>True when <paramref name="level"/> writes events of <paramref name="type"/>.</summary>
    public static bool Records(this HistoryLevel level, HistoryEventType type) => level switch
    {
        HistoryLevel.Full => true,
        HistoryLevel.None => false,
        _ => type switch
        {
            HistoryEventType.FlowTaken or HistoryEventType.IncidentCreated or HistoryEventType.IncidentResolved or HistoryEventType.JobFailed => false,
            HistoryEventType.VariablesChanged => level == HistoryLevel.Audit,
            _ => true,
        },
    };
}
