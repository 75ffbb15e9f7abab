namespace FourDuty.Engine.Time;

/// <summary>The three ways BPMN says when a timer fires.</summary>
public enum TimerKind
{
    /// <summary><c>timeDate</c>: at one instant.</summary>
    Date,

    /// <summary><c>timeDuration</c>: once, after a period from when the timer is set.</summary>
    Duration,

    /// <summary><c>timeCycle</c>: repeatedly, by an ISO 8601 repeating interval or a cron expression.</summary>
    Cycle,
}
