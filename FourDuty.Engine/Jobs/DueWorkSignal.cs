using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// Told after each commit what the step created; wakes this node's due-work processes when something is due now (a task's
/// mail, a timer of zero length, a service task's job), so that it does not wait for the next look. Work due later is
/// found by the processes' own looks; nothing is handed to Hangfire row by row.
/// </summary>
internal sealed class DueWorkSignal(TimeProvider clock) : IStepListener
{
    public Wakeup Timers { get; } = new();

    public Wakeup Outbox { get; } = new();

    public Wakeup Jobs { get; } = new();

    public Task CommittedAsync(IReadOnlyList<TimerRecord> timers, IReadOnlyList<JobRecord> jobs, IReadOnlyList<OutboxRecord> outbox,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (outbox.Any(o => o.DueAt <= now))
        {
            Outbox.Set();
        }

        if (timers.Any(t => t.DueAt <= now))
        {
            Timers.Set();
        }

        if (jobs.Any(j => j.DueAt <= now))
        {
            Jobs.Set();
        }

        return Task.CompletedTask;
    }
}
