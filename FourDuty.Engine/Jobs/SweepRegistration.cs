using Hangfire;
using Microsoft.Extensions.Hosting;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// Registers the recurring sweep at start and runs one sweep at once, so that after a restart (or on SQLite,
/// where Hangfire keeps its queue in memory) whatever fell due meanwhile is re-driven from the database.
/// </summary>
internal sealed class SweepRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public const string SweepId = "fourduty-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<EngineJobs>(SweepId, j => j.SweepAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<EngineJobs>(j => j.SweepAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
