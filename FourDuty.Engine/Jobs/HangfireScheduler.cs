using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.State;
using Hangfire;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// After each commit, hands the step's new timers, jobs and outbox rows to Hangfire. The database stays the truth: a
/// Hangfire job is only a shortcut to "soon"; if it is lost (a crash right after commit) the sweep finds the
/// row, and if it runs twice the second run finds nothing left to do.
/// </summary>
internal sealed class HangfireScheduler(IBackgroundJobClient jobs, TimeProvider clock) : IStepListener
{
    public Task CommittedAsync(IReadOnlyList<TimerRecord> timers, IReadOnlyList<JobRecord> newJobs, IReadOnlyList<OutboxRecord> outbox,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var row in outbox)
        {
            var id = row.Id;
            if (row.DueAt <= now)
            {
                jobs.Enqueue<EngineJobs>(j => j.DeliverOutboxAsync(id, CancellationToken.None));
            }
            else
            {
                jobs.Schedule<EngineJobs>(j => j.DeliverOutboxAsync(id, CancellationToken.None), row.DueAt);
            }
        }

        foreach (var timer in timers)
        {
            var (id, due) = (timer.Id, timer.DueAt);
            if (due <= now)
            {
                jobs.Enqueue<EngineJobs>(j => j.FireTimerAsync(id, due, CancellationToken.None));
            }
            else
            {
                jobs.Schedule<EngineJobs>(j => j.FireTimerAsync(id, due, CancellationToken.None), due);
            }
        }

        foreach (var job in newJobs)
        {
            var (id, due) = (job.Id, job.DueAt);
            if (due <= now)
            {
                jobs.Enqueue<EngineJobs>(j => j.RunJobAsync(id, CancellationToken.None));
            }
            else
            {
                jobs.Schedule<EngineJobs>(j => j.RunJobAsync(id, CancellationToken.None), due);
            }
        }

        return Task.CompletedTask;
    }
}
