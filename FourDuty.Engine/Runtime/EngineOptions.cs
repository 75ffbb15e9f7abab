namespace FourDuty.Engine.Runtime;

/// <summary>How the engine behaves: time zone, retries, limits.</summary>
public sealed class EngineOptions
{
    /// <summary>The zone in which wall-clock dates without an offset are read (IANA id; default Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Attempts a service task's handler gets before its failure becomes an incident (default 3).</summary>
    public int JobRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; each further retry waits twice as long (default 10 s).</summary>
    public TimeSpan JobRetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before an outbox row's second delivery attempt; each further attempt waits twice as long, up to an hour (default 30 s).</summary>
    public TimeSpan OutboxRetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an emailed task link stays valid (default 30 days).</summary>
    public TimeSpan TaskLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The secret (base64, at least 32 bytes) the tokens of emailed task links are derived from; every node needs the same.
    /// When empty, the engine makes one once and keeps it in its database: a copy of the database then opens the links of
    /// mails still in the outbox, as it opens sign-in cookies through the data protection keys kept there (decision 0024).
    /// </summary>
    public string? TaskLinkKey { get; set; }

    /// <summary>How often a step is retried after losing a race with another step on the same instance (default 10).</summary>
    public int ConflictRetries { get; set; } = 10;

    /// <summary>Largest value of one variable, as JSON, in bytes (default 1 MB). Evidence files are not variables.</summary>
    public int MaxVariableBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest sum of one instance's variables, as JSON, in bytes (default 8 MB).</summary>
    public int MaxInstanceVariableBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most variables of one instance, across its scopes (default 1,000).</summary>
    public int MaxVariables { get; set; } = 1000;

    /// <summary>How much history is written (configuration <c>Engine:History</c>; default <see cref="HistoryLevel.Full"/>).</summary>
    public HistoryLevel History { get; set; } = HistoryLevel.Full;
}
