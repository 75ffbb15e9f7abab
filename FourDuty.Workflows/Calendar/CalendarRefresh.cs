using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FourDuty.Workflows.Calendar;

/// <summary>Looks every <see cref="CalendarStore.RefreshInterval"/> (real time) whether the calendar in the database changed, e.g. on another node.</summary>
internal sealed class CalendarRefresh(CalendarStore store, ILogger<CalendarRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CalendarStore.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.ReloadIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The calendar in use stays; the next look tries again.
                logger.LogError("The business calendar could not be read from the database: {Error}", e.Message);
            }
        }
    }
}
