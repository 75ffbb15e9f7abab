using FourDuty.Engine.Outbox;
using Microsoft.Extensions.Logging;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// One round of each kind of due work, as this node's Hangfire processes and the recurring sweep run it: claim a batch,
/// work through it with a few at once, let go of what is left. Timers are fired each in a step of its own (the step is the
/// guarantee that a timer fires once); outbox rows are delivered under their claim (decision 0006); jobs are claimed by
/// their own step (decision 0009). Without a database (the in-memory store) the rounds read due rows instead of claiming
/// them, as a single node may.
/// </summary>
internal sealed class DueWork(
    ProcessEngine engine,
    Runtime.Commands.CommandExecutor executor,
    OutboxDelivery outbox,
    IDueWorkStore? store,
    NodeIdentity node,
    DueWorkOptions options,
    ILogger<DueWork> logger)
{
    // Claims are made only once this node's row exists: the others would free the claims of a node they do not know.
    private volatile bool _registered;

    /// <summary>The node these rounds claim for.</summary>
    public NodeIdentity Node => node;

    /// <summary>Says this node is alive and releases the claims of nodes that are not; returns how many claims were released.</summary>
    public async Task<int> HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return 0;
        }

        var released = await store.HeartbeatAsync(node, options.DeadAfter, engine.Clock.GetUtcNow(), cancellationToken);
        _registered = true;
        if (released > 0)
        {
            logger.LogWarning("Released {Count} claims of nodes that stopped heart-beating for {DeadAfter}", released, options.DeadAfter);
        }

        return released;
    }

    /// <summary>This node's outbox process started (true) or stopped (false); see <see cref="OutboxDelivery.InBackground"/>.</summary>
    public void OutboxProcessRuns(bool runs) => outbox.ProcessRuns(runs);

    /// <summary>Lets go of everything this node holds (a clean stop).</summary>
    public Task LeaveAsync(CancellationToken cancellationToken) =>
        store?.LeaveAsync(node, engine.Clock.GetUtcNow(), cancellationToken) ?? Task.CompletedTask;

    /// <summary>True while the last timer round found a full batch: the timers are behind, and mails wait for them.</summary>
    public bool TimersBehind => _timersBehind;

    private volatile bool _timersBehind;

    /// <summary>
    /// Claims a batch of due timers and fires them, several steps at once, each step firing up to
    /// <see cref="DueWorkOptions.TimersPerStep"/> timers of different instances; returns how many were claimed (0: nothing is due).
    /// </summary>
    public async Task<int> FireTimersAsync(CancellationToken cancellationToken)
    {
        await RegisteredAsync(cancellationToken);
        var now = engine.Clock.GetUtcNow();
        var due = store is null
            ? (await engine.Queries.FindDueTimersAsync(now, options.TimerBatch, cancellationToken)).Select(t => new DueTimer(t.Id, t.DueAt, t.InstanceId)).ToList()
            : await store.ClaimTimersAsync(node.Id, now, options.TimerBatch, cancellationToken);
        _timersBehind = due.Count >= options.TimerBatch;
        if (due.Count == 0)
        {
            return 0;
        }

        var failed = 0;
        var fired = 0;
        try
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(Steps(due), Degree(store is { SingleWriter: true } ? 1 : options.TimerParallelism, cancellationToken), async (timers, token) =>
            {
                var (done, failures) = await FireAsync(timers, token);
                Interlocked.Add(ref fired, done);
                Interlocked.Add(ref failed, failures);
            });
        }
        finally
        {
            if (store is not null)
            {
                // Fired timers are gone; what is left (a cycle's next occurrence, a failure) is free for anyone again.
                await store.ReleaseTimersAsync(node.Id, due.Select(t => t.Id).ToList(), CancellationToken.None);
            }
        }

        // A round where everything failed reports nothing done, so that the caller waits before it tries again. Read rows
        // (no store) may stay due without anything to do, so only firings count there.
        return store is null ? fired : failed == due.Count ? 0 : due.Count;
    }

    // Timers of different instances go together; a second timer of an instance, and a timer start event, go alone.
    private IEnumerable<IReadOnlyList<DueTimer>> Steps(IReadOnlyList<DueTimer> due)
    {
        var instances = new HashSet<Guid>();
        var batch = new List<DueTimer>();
        foreach (var timer in due)
        {
            if (timer.InstanceId is { } instance && instances.Add(instance))
            {
                batch.Add(timer);
                if (batch.Count >= options.TimersPerStep)
                {
                    yield return batch;
                    batch = [];
                }
            }
            else
            {
                yield return [timer];
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<(int Fired, int Failed)> FireAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
    {
        if (timers.Count > 1)
        {
            try
            {
                return (await executor.ExecuteAsync(new FireTimerBatchCommand(timers), cancellationToken), 0);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One of them fails, or the batch kept losing races: each on its own, as the single path does.
                logger.LogInformation("A batch of {Count} timers did not commit together ({Error}); firing them one by one", timers.Count, exception.Message);
            }
        }

        var fired = 0;
        var failed = 0;
        foreach (var timer in timers)
        {
            try
            {
                fired += await engine.FireTimerAsync(timer.Id, timer.DueAt, cancellationToken) ? 1 : 0;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Left to the next round (the claim is released); a step that fails records no half of itself.
                failed++;
                logger.LogWarning(exception, "Timer {TimerId} did not fire this round", timer.Id);
            }
        }

        return (fired, failed);
    }

    /// <summary>Claims a batch of due outbox rows and delivers them; returns how many were claimed.</summary>
    public async Task<int> DeliverOutboxAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            var rows = (await engine.Queries.FindDueOutboxAsync(engine.Clock.GetUtcNow(), options.OutboxBatch, cancellationToken))
                .Where(r => !outbox.IsSending(r.Id)).ToList();
            var delivered = 0;
            await System.Threading.Tasks.Parallel.ForEachAsync(rows, Degree(options.OutboxParallelism, cancellationToken), async (row, token) =>
            {
                if (await outbox.DeliverAsync(row.Id, token))
                {
                    Interlocked.Increment(ref delivered);
                }
            });
            return delivered;
        }

        await RegisteredAsync(cancellationToken);
        var now = engine.Clock.GetUtcNow();
        var claimed = await store.ClaimOutboxAsync(node.Id, now, now + OutboxDelivery.DeliveryLease, options.OutboxBatch, outbox.Sending, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Outcomes are recorded a few at a time, one statement for each group, while the rest are still being sent: a group is
        // written once OutboxRecordBatch outcomes are in or the deliveries of the batch are done. A node that dies between a
        // send and its record sends that mail again after its claims are freed (at least once, same Message-ID).
        var busy = outbox.Hold(claimed.Select(m => m.Id));
        var done = new System.Collections.Concurrent.ConcurrentQueue<OutboxResult>();
        var recorded = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte>();
        try
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(claimed.Where(m => !busy.Contains(m.Id)), Degree(options.OutboxParallelism, cancellationToken),
                async (message, token) =>
                {
                    done.Enqueue(await outbox.DeliverClaimedAsync(message, token));
                    if (done.Count >= options.OutboxRecordBatch)
                    {
                        await RecordAsync(done, recorded, token);
                    }
                });
        }
        finally
        {
            while (!done.IsEmpty)
            {
                await RecordAsync(done, recorded, CancellationToken.None);
            }

            var unrecorded = claimed.Select(m => m.Id).Where(id => !recorded.ContainsKey(id)).ToList();
            outbox.Let(unrecorded.Except(busy));
            if (unrecorded.Count > 0)
            {
                await store.FinishOutboxAsync(node.Id, unrecorded, CancellationToken.None);
            }
        }

        return claimed.Count;
    }

    /// <summary>Records what is in <paramref name="done"/> in one statement, then lets go of those rows in this node's hands.</summary>
    private async Task RecordAsync(System.Collections.Concurrent.ConcurrentQueue<OutboxResult> done,
        System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> recorded, CancellationToken cancellationToken)
    {
        var results = new List<OutboxResult>();
        while (results.Count < options.OutboxRecordBatch * 4 && done.TryDequeue(out var result))
        {
            results.Add(result);
        }

        if (results.Count == 0)
        {
            return;
        }

        try
        {
            await store!.RecordOutboxAsync(node.Id, results, cancellationToken);
            foreach (var result in results)
            {
                recorded[result.Id] = 0;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The mails went out and their rows still say pending: the lease brings them back, sent again with the same Message-ID.
            logger.LogWarning(exception, "{Count} outbox outcomes were not recorded", results.Count);
        }
        finally
        {
            outbox.Let(results.Select(r => r.Id));
        }
    }

    /// <summary>Runs due jobs (each claimed by a step of its own); returns how many were due.</summary>
    public async Task<int> RunJobsAsync(CancellationToken cancellationToken)
    {
        var due = await engine.Queries.FindDueJobsAsync(engine.Clock.GetUtcNow(), options.JobParallelism * 8, cancellationToken);
        var ran = 0;
        await System.Threading.Tasks.Parallel.ForEachAsync(due, Degree(options.JobParallelism, cancellationToken), async (job, token) =>
        {
            try
            {
                if (await engine.RunJobAsync(job.Id, token))
                {
                    Interlocked.Increment(ref ran);
                }
            }
            catch (Exception exception) when (!token.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Job {JobId} did not run this round", job.Id);
            }
        });

        // Jobs another node or run holds are due by the query and yet nothing to do here.
        return ran;
    }

    /// <summary>
    /// What the recurring Hangfire sweep does: a heartbeat (which frees dead nodes' claims), then rounds of each kind until
    /// nothing is due or a minute has gone by, re-driving work that no process took (decision 0020).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await HeartbeatAsync(cancellationToken);
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < until && await FireTimersAsync(cancellationToken) > 0)
        {
        }

        while (DateTime.UtcNow < until && await RunJobsAsync(cancellationToken) > 0)
        {
        }

        while (DateTime.UtcNow < until && await DeliverOutboxAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task RegisteredAsync(CancellationToken cancellationToken)
    {
        if (store is not null && !_registered)
        {
            await HeartbeatAsync(cancellationToken);
        }
    }

    private static ParallelOptions Degree(int degree, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, degree), CancellationToken = cancellationToken };
}
