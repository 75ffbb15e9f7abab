namespace FourDuty.Engine.Runtime.State;

/// <summary>
/// Something to deliver outside the engine (an email, a notice), written in the step that caused it and
/// delivered after commit by a handler for its <see cref="Kind"/>: nothing is sent for a step that did not
/// commit, and nothing a committed step wanted sent is lost.
/// </summary>
public sealed class OutboxRecord
{
    /// <summary>The row id; also the stable identity of the message (an email's Message-ID comes from it).</summary>
    public Guid Id { get; set; }

    /// <summary>Which handler delivers it, e.g. <c>mail</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Unique: the same key written twice is one delivery (task + kind + recipient, say).</summary>
    public string Key { get; set; } = "";

    /// <summary>What the handler needs, as JSON.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Pending, sent, failed for good, or skipped.</summary>
    public OutboxStatus Status { get; set; }

    /// <summary>Delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The last failure.</summary>
    public string? LastError { get; set; }

    /// <summary>The receiving server's reply, when sent.</summary>
    public string? Reply { get; set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The instance it belongs to, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The user task it is about, if any.</summary>
    public Guid? TaskId { get; set; }
}

/// <summary>Where an outbox row is in its life.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for (another) delivery attempt.</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Refused for good (a rejected recipient, say); shown to people, never retried by itself.</summary>
    Failed,

    /// <summary>Not delivered because it was no longer needed (its task was done first).</summary>
    Skipped,
}
