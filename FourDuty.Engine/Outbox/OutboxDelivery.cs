using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Outbox;

/// <summary>
/// Delivers one outbox row with its handler and records the outcome: sent, retried with exponential backoff
/// (the first wait is <see cref="EngineOptions.OutboxRetryBackoff"/>, capped at an hour, for as long as it
/// takes: SMTP down for an hour loses nothing), or failed for good.
/// </summary>
internal sealed class OutboxDelivery(
    IEngineStore store,
    Func<IEnumerable<IOutboxHandler>> handlers,
    TimeProvider clock,
    EngineOptions options,
    IEnumerable<Runtime.Commands.IStepListener> listeners)
{
    // Handlers are looked up on first use: they may themselves depend on the engine.
    private readonly Lazy<Dictionary<string, IOutboxHandler>> _handlers =
        new(() => handlers().ToDictionary(h => h.Kind, StringComparer.Ordinal));

    // How long a claimed row is left to the node that claimed it: longer than a slow SMTP exchange (its
    // commands time out after a minute), short enough that a node that died mid-send is taken over soon.
    public static readonly TimeSpan DeliveryLease = TimeSpan.FromMinutes(5);

    private readonly Runtime.WorkInHand _sending = new();

    /// <summary>Whether this node is sending the row at this moment.</summary>
    public bool IsSending(Guid outboxId) => _sending.Holds(outboxId);

    public Task<bool> DeliverAsync(Guid outboxId, CancellationToken cancellationToken) =>
        _sending.RunAsync(outboxId, () => ClaimAndDeliverAsync(outboxId, cancellationToken));

    /// <summary>Ids of the rows this node is sending now (a batch claim leaves them out).</summary>
    public IReadOnlyCollection<Guid> Sending => _sending.Ids;

    /// <summary>
    /// Delivers a row that a batch claim (<see cref="Jobs.IDueWorkStore.ClaimOutboxAsync"/>) already took for this attempt, and
    /// records the outcome; false when it was not sent this time.
    /// </summary>
    public Task<bool> DeliverClaimedAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        _sending.RunAsync(message.Id, async () => await RecordAsync(message, await HandleAsync(message, cancellationToken), cancellationToken));

    private async Task<bool> ClaimAndDeliverAsync(Guid outboxId, CancellationToken cancellationToken)
    {
        if (await ClaimAsync(outboxId, cancellationToken) is not { } message)
        {
            return false;
        }

        return await RecordAsync(message, await HandleAsync(message, cancellationToken), cancellationToken);
    }

    /// <summary>Records how the attempt went, unless the claim's lease ran out and another node took the row over.</summary>
    private async Task<bool> RecordAsync(OutboxMessage message, OutboxOutcome outcome, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var current = await session.FindOutboxAsync(message.Id, cancellationToken);
        if (current is null || current.Status != OutboxStatus.Pending || current.Attempts != message.Attempt + 1)
        {
            // Our lease ran out and another node took the row over; its record stands.
            return false;
        }

        Record(current, outcome, clock.GetUtcNow());
        try
        {
            await session.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }

        if (current.Status == OutboxStatus.Pending)
        {
            // A retry is due later: the job driver finds it when it is due.
            foreach (var listener in listeners)
            {
                await listener.CommittedAsync([], [], [current], cancellationToken);
            }
        }

        return outcome.Kind == OutboxOutcomeKind.Sent;
    }

    /// <summary>
    /// Takes a due row for this attempt, in its own transaction before anything is sent: the scheduled job,
    /// the sweep and another node may all reach the same row at once, and only the one whose claim commits
    /// delivers it. The claim counts the attempt and moves the row's due time past the lease.
    /// </summary>
    private async Task<OutboxMessage?> ClaimAsync(Guid outboxId, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var row = await session.FindOutboxAsync(outboxId, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is null || row.Status != OutboxStatus.Pending || row.DueAt > now)
        {
            return null;
        }

        var message = new OutboxMessage(row.Id, row.Kind, row.Key, row.Payload, row.Attempts, row.InstanceId, row.TaskId);
        row.Attempts++;
        row.DueAt = now + DeliveryLease;
        try
        {
            await session.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return message;
    }

    private async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_handlers.Value.TryGetValue(message.Kind, out var handler))
        {
            return OutboxOutcome.Failed($"No outbox handler is registered for the kind '{message.Kind}'.");
        }

        try
        {
            return await handler.DeliverAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A handler that throws is treated as a passing failure: the row keeps its place and says why.
            return OutboxOutcome.RetryLater($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private void Record(OutboxRecord row, OutboxOutcome outcome, DateTimeOffset now)
    {
        switch (outcome.Kind)
        {
            case OutboxOutcomeKind.Sent:
                row.Status = OutboxStatus.Sent;
                row.SentAt = now;
                row.Reply = Trim(outcome.Reply);
                break;
            case OutboxOutcomeKind.Failed:
                row.Status = OutboxStatus.Failed;
                row.LastError = Trim(outcome.Reply);
                break;
            case OutboxOutcomeKind.Skipped:
                row.Status = OutboxStatus.Skipped;
                row.Reply = Trim(outcome.Reply);
                break;
            default:
                row.LastError = Trim(outcome.Reply);
                var wait = options.OutboxRetryBackoff * Math.Pow(2, Math.Min(row.Attempts - 1, 16));
                row.DueAt = now + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
                break;
        }
    }

    private static string Trim(string text) => text.Length <= 2000 ? text : text[..2000];
}
