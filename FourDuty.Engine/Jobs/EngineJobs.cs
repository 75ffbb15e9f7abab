using Hangfire;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// The methods Hangfire calls. Each one re-reads the state and acts only if the work is still due and not done:
/// Hangfire delivers at least once, runs overdue delayed jobs all at once after an outage, and several nodes
/// may pick up the same work.
/// </summary>
public sealed class EngineJobs
{
    private readonly ProcessEngine engine;
    private readonly DueWork? dueWork;

    /// <summary>The jobs of an engine that has no due-work processes (the sweep reads due rows and handles them one by one).</summary>
    public EngineJobs(ProcessEngine engine) => this.engine = engine;

    internal EngineJobs(ProcessEngine engine, DueWork dueWork)
    {
        this.engine = engine;
        this.dueWork = dueWork;
    }

    /// <summary>How many due timers and jobs one sweep handles before the next sweep takes over.</summary>
    internal const int SweepBatch = 500;

    /// <summary>Fires one timer if it is still due at <paramref name="dueAt"/>; a no-op otherwise.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task FireTimerAsync(Guid timerId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        engine.FireTimerAsync(timerId, dueAt, cancellationToken);

    /// <summary>Runs one job if it is still due; its own retries are the engine's, not Hangfire's.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task RunJobAsync(Guid jobId, CancellationToken cancellationToken) => engine.RunJobAsync(jobId, cancellationToken);

    /// <summary>Delivers one outbox row if it is still pending and due; its retries are the outbox's own.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task DeliverOutboxAsync(Guid outboxId, CancellationToken cancellationToken) => engine.DeliverOutboxAsync(outboxId, cancellationToken);

    /// <summary>
    /// Re-drives whatever is due and not done: timers, jobs and outbox rows that no due-work process took (a node that died
    /// holding them, a process that stopped). Hangfire runs it every minute on one node, and once at each start.
    /// </summary>
    /// <remarks>Two sweeps at once are harmless: each firing checks that its work is still due and not done.</remarks>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (dueWork is not null)
        {
            // The node's claims: frees dead nodes' claims first, then takes batches as the due-work processes do.
            await dueWork.SweepAsync(cancellationToken);
            return;
        }

        // Without claims: one round of what is due, through the same path as ProcessEngine.RunDueWorkAsync.
        await engine.RunDueRoundAsync(SweepBatch, cancellationToken);
    }
}
