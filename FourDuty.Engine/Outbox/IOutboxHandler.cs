namespace FourDuty.Engine.Outbox;

/// <summary>
/// Delivers outbox rows of one kind (e.g. <c>mail</c>). Runs after the step committed, outside any
/// transaction, at least once: a row can be delivered again after a crash, so deliveries should be
/// recognisable as the same (an email's Message-ID comes from <see cref="OutboxMessage.Id"/>).
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The kind of row this handler delivers.</summary>
    string Kind { get; }

    /// <summary>Delivers one row and says how it went.</summary>
    Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>One row to deliver.</summary>
/// <param name="Id">The row id, stable across attempts.</param>
/// <param name="Kind">The handler's kind.</param>
/// <param name="Key">The row's unique key.</param>
/// <param name="Payload">The JSON the step wrote.</param>
/// <param name="Attempt">Attempts made before this one.</param>
/// <param name="InstanceId">The instance it belongs to, if any.</param>
/// <param name="TaskId">The user task it is about, if any.</param>
public sealed record OutboxMessage(Guid Id, string Kind, string Key, string Payload, int Attempt, Guid? InstanceId, Guid? TaskId);

/// <summary>How a delivery went: sent (with the receiver's reply), try again later, or refused for good.</summary>
public sealed record OutboxOutcome(OutboxOutcomeKind Kind, string Reply)
{
    /// <summary>Delivered.</summary>
    public static OutboxOutcome Sent(string reply) => new(OutboxOutcomeKind.Sent, reply);

    /// <summary>A passing failure (network, 4xx): retried with backoff.</summary>
    public static OutboxOutcome RetryLater(string reason) => new(OutboxOutcomeKind.RetryLater, reason);

    /// <summary>A permanent failure (5xx, rejected recipient): marked failed and shown, never retried by itself.</summary>
    public static OutboxOutcome Failed(string reason) => new(OutboxOutcomeKind.Failed, reason);

    /// <summary>Nothing to deliver any more (the task was done before its mail went out): recorded, not sent.</summary>
    public static OutboxOutcome Skipped(string reason) => new(OutboxOutcomeKind.Skipped, reason);
}

/// <summary>The kinds of <see cref="OutboxOutcome"/>.</summary>
public enum OutboxOutcomeKind
{
    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Try again later.</summary>
    RetryLater,

    /// <summary>Refused for good.</summary>
    Failed,

    /// <summary>No longer needed.</summary>
    Skipped,
}
