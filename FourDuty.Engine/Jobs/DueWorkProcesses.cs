using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// The due-work loops as processes of the node's Hangfire server (Hangfire drives time): each runs rounds while there is
/// work and waits between them, woken early by a step on this node that made something due now. Hangfire starts them with
/// the server, gives each a thread of its own, restarts one that fails, and stops them with the server.
/// </summary>
internal abstract class DueWorkProcess(ILogger logger) : IBackgroundProcess
{
    /// <summary>Hangfire's entry point: runs the loop until the server stops (Hangfire's processes are synchronous; this thread is the process's own).</summary>
    public void Execute(BackgroundProcessContext context) => RunAsync(context.StoppingToken).GetAwaiter().GetResult();

    /// <summary>The loop: rounds, and a wait whenever a round found nothing.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Started();
        while (!stopping.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await RoundAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A database that is away for a moment: try again after the wait.
                logger.LogWarning(exception, "{Process} failed a round; trying again", GetType().Name);
                done = 0;
            }

            if (done == 0)
            {
                try
                {
                    await WaitAsync(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        await StoppedAsync();
    }

    protected abstract Task<int> RoundAsync(CancellationToken cancellationToken);

    protected abstract Task WaitAsync(CancellationToken cancellationToken);

    protected virtual void Started()
    {
    }

    protected virtual Task StoppedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => GetType().Name;
}

/// <summary>Fires due timers in claimed batches.</summary>
internal sealed class TimerProcess(DueWork work, DueWorkSignal signal, DueWorkOptions options, ILogger<TimerProcess> logger) : DueWorkProcess(logger)
{
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => work.FireTimersAsync(cancellationToken);

    protected override Task WaitAsync(CancellationToken cancellationToken) => signal.Timers.WaitAsync(options.PollInterval, cancellationToken);
}

/// <summary>Delivers due outbox rows in claimed batches.</summary>
internal sealed class OutboxProcess(DueWork work, DueWorkSignal signal, DueWorkOptions options, ILogger<OutboxProcess> logger) : DueWorkProcess(logger)
{
    // While the timers are behind (a morning of deadlines), the steps come first: their mails are safe in the outbox and go
    // out as soon as the timers have caught up.
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) =>
        work.TimersBehind ? Task.FromResult(0) : work.DeliverOutboxAsync(cancellationToken);

    protected override Task WaitAsync(CancellationToken cancellationToken) => signal.Outbox.WaitAsync(options.PollInterval, cancellationToken);

    // While this runs, the engine's own rounds of due work leave the mail to it (decision 0030).
    protected override void Started() => work.OutboxProcessRuns(true);

    protected override Task StoppedAsync()
    {
        work.OutboxProcessRuns(false);
        return Task.CompletedTask;
    }
}

/// <summary>Runs due jobs.</summary>
internal sealed class JobProcess(DueWork work, DueWorkSignal signal, DueWorkOptions options, ILogger<JobProcess> logger) : DueWorkProcess(logger)
{
    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => work.RunJobsAsync(cancellationToken);

    protected override Task WaitAsync(CancellationToken cancellationToken) => signal.Jobs.WaitAsync(options.PollInterval, cancellationToken);
}

/// <summary>Says the node is alive every few seconds, frees dead nodes' claims, and lets go of this node's claims when it stops.</summary>
internal sealed class HeartbeatProcess(DueWork work, DueWorkOptions options, ILogger<HeartbeatProcess> logger) : DueWorkProcess(logger)
{
    protected override async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        await work.HeartbeatAsync(cancellationToken);
        return 0;
    }

    protected override Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(options.HeartbeatInterval, cancellationToken);

    protected override async Task StoppedAsync()
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await work.LeaveAsync(quick.Token);
        }
        catch (Exception exception)
        {
            // The others free the claims when the heartbeat is missed.
            logger.LogWarning(exception, "Could not let go of this node's claims at stop");
        }
    }
}
