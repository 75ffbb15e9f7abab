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
    private int _processes;

    /// <summary>
    /// True while an outbox process runs on this node (a Hangfire server with the due-work processes): the engine's own
    /// rounds of due work (<see cref="ProcessEngine.RunDueWorkAsync"/>, moving a simulated clock) then leave the rows to it.
    /// </summary>
    public bool InBackground => Volatile.Read(ref _processes) > 0;

    /// <summary>An outbox process of this node started (true) or stopped (false).</summary>
    public void ProcessRuns(bool runs) => Interlocked.Add(ref _processes, runs ? 1 : -1);

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
    /// Marks rows that a batch claim (<see cref="Jobs.IDueWorkStore.ClaimOutboxAsync"/>) took as in this node's hands until
    /// <see cref="Let"/>; gives the ones that another delivery on this node holds already (they are left out).
    /// </summary>
    public IReadOnlyList<Guid> Hold(IEnumerable<Guid> outboxIds) => outboxIds.Where(id => !_sending.TryHold(id)).ToList();

    /// <summary>Ends <see cref="Hold"/> for rows whose outcome is recorded (or left to their lease).</summary>
    public void Let(IEnumerable<Guid> outboxIds)
    {
        foreach (var id in outboxIds)
        {
            _sending.Let(id);
        }
    }

    /// <summary>
    /// Delivers a row that a batch claim already took for this attempt and says what to record, without recording it: the
    /// caller records outcomes in batches (<see cref="Jobs.IDueWorkStore.RecordOutboxAsync"/>), still only while the attempt is
    /// the claimed one.
    /// </summary>
    public async Task<OutboxResult> DeliverClaimedAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        ResultOf(message, await HandleAsync(message, cancellationToken), clock.GetUtcNow());

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

        var result = ResultOf(message, outcome, clock.GetUtcNow());
        current.Status = result.Status;
        current.DueAt = result.DueAt ?? current.DueAt;
        current.SentAt = result.SentAt ?? current.SentAt;
        current.Reply = result.Reply ?? current.Reply;
        current.LastError = result.LastError ?? current.LastError;
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

    /// <summary>What an attempt's outcome changes in its row: the status, and the reply, the error or the next try's due time.</summary>
    private OutboxResult ResultOf(OutboxMessage message, OutboxOutcome outcome, DateTimeOffset now)
    {
        var attempts = message.Attempt + 1;
        switch (outcome.Kind)
        {
            case OutboxOutcomeKind.Sent:
                return new(message.Id, attempts, OutboxStatus.Sent, null, now, Trim(outcome.Reply), null);
            case OutboxOutcomeKind.Failed:
                return new(message.Id, attempts, OutboxStatus.Failed, null, null, null, Trim(outcome.Reply));
            case OutboxOutcomeKind.Skipped:
                return new(message.Id, attempts, OutboxStatus.Skipped, null, null, Trim(outcome.Reply), null);
            default:
                var wait = options.OutboxRetryBackoff * Math.Pow(2, Math.Min(attempts - 1, 16));
                return new(message.Id, attempts, OutboxStatus.Pending, now + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait), null, null,
                    Trim(outcome.Reply));
        }
    }

    private static string Trim(string text) => text.Length <= 2000 ? text : text[..2000];
}

/// <summary>
/// What one attempt at an outbox row changes, to be recorded only while the row is pending with <paramref name="Attempts"/>
/// attempts (the claim's count: a node whose lease ran out and was taken over records nothing). Null leaves a column as it is.
/// </summary>
internal sealed record OutboxResult(Guid Id, int Attempts, OutboxStatus Status, DateTimeOffset? DueAt, DateTimeOffset? SentAt, string? Reply, string? LastError);
