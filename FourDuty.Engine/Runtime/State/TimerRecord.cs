namespace FourDuty.Engine.Runtime.State;

/// <summary>
/// A pending timer. The database is the truth: <see cref="DueAt"/> is computed from the engine's clock, and
/// a timer fires at most once per due time however many nodes or retries touch it.
/// </summary>
public sealed class TimerRecord
{
    /// <summary>The timer id; firing is addressed by it.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance; null for a timer start event, which belongs to its definition.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The definition, for timer start events.</summary>
    public Guid? DefinitionId { get; set; }

    /// <summary>The token the timer belongs to (an intermediate catch, boundary or event-based gateway wait).</summary>
    public Guid? TokenId { get; set; }

    /// <summary>The scope the timer belongs to (event subprocess start timers).</summary>
    public Guid? ScopeId { get; set; }

    /// <summary>The timer event element.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>When the timer is due next (UTC).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>For a cycle given by an expression: its value when the timer was set, for the next occurrences.</summary>
    public string? Cycle { get; set; }

    /// <summary>How many times a cycle has fired so far.</summary>
    public int FiredCount { get; set; }
}
