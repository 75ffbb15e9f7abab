namespace FourDuty.Engine.Jobs;

/// <summary>
/// How each node's due-work processes share out the work (configuration section <c>Engine:DueWork</c>). The defaults suit
/// two cores and a PostgreSQL on the same machine; see decision 0020 and <c>bench/README.md</c> for the figures.
/// </summary>
public sealed class DueWorkOptions
{
    /// <summary>Timers claimed by one statement.</summary>
    public int TimerBatch { get; set; } = 500;

    /// <summary>Steps of a claimed batch run at once.</summary>
    public int TimerParallelism { get; set; } = 4;

    /// <summary>Timers (of different instances) fired by one step: one transaction, one commit. 1 fires each in a step of its own.</summary>
    public int TimersPerStep { get; set; } = 50;

    /// <summary>Outbox rows claimed by one statement.</summary>
    public int OutboxBatch { get; set; } = 200;

    /// <summary>Outbox rows of a claimed batch delivered at once (the mail transport keeps its own connection limit).</summary>
    public int OutboxParallelism { get; set; } = 16;

    /// <summary>Outcomes of delivered outbox rows recorded by one statement (sooner when the claimed batch is done).</summary>
    public int OutboxRecordBatch { get; set; } = 32;

    /// <summary>Jobs (service tasks, asynchronous continuations) run at once.</summary>
    public int JobParallelism { get; set; } = 4;

    /// <summary>How long an idle process waits before it looks again, unless a step on this node wakes it first.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a node says it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A node silent this long is dead: the others release its claims (within this plus one heartbeat).</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(20);
}
