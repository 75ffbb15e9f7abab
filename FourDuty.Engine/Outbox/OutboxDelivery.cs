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

    public async Task<bool> DeliverAsync(Guid outboxId, CancellationToken cancellationToken)
    {
        OutboxMessage message;
        await using (var read = await store.BeginAsync(cancellationToken))
        {
            var row = await read.FindOutboxAsync(outboxId, cancellationToken);
            if (row is null || row.Status != OutboxStatus.Pending || row.DueAt > clock.GetUtcNow())
            {
                return false;
            }

            message = new OutboxMessage(row.Id, row.Kind, row.Key, row.Payload, row.Attempts, row.InstanceId, row.TaskId);
        }

        var outcome = _handlers.Value.TryGetValue(message.Kind, out var handler)
            ? await handler.DeliverAsync(message, cancellationToken)
            : OutboxOutcome.Failed($"No outbox handler is registered for the kind '{message.Kind}'.");

        await using var session = await store.BeginAsync(cancellationToken);
        var current = await session.FindOutboxAsync(outboxId, cancellationToken);
        if (current is null || current.Status != OutboxStatus.Pending)
        {
            return false;
        }

        Record(current, outcome, clock.GetUtcNow());
        try
        {
            await session.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another node recorded this row first; its record stands.
            return false;
        }

        if (current.Status == OutboxStatus.Pending)
        {
            // A retry is due later: let the job driver schedule it (the sweep would find it too, within a minute).
            foreach (var listener in listeners)
            {
                await listener.CommittedAsync([], [], [current], cancellationToken);
            }
        }

        return outcome.Kind == OutboxOutcomeKind.Sent;
    }

    private void Record(OutboxRecord row, OutboxOutcome outcome, DateTimeOffset now)
    {
        row.Attempts++;
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
