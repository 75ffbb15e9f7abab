using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// Fires several claimed timers, each of a different instance, in one step: one transaction and one commit for the batch
/// instead of one per timer, which is what lets a morning's hundred thousand deadlines fire within a minute. Each firing
/// checks what the single firing checks (the instance is active and its timer still there, due, at the claimed due time),
/// so a timer already fired elsewhere is left alone. All of them commit or none: a conflict with another step on any of
/// the instances retries the batch, and the job driver fires the timers one by one when the batch still does not commit.
/// </summary>
internal sealed record FireTimerBatchCommand(IReadOnlyList<DueTimer> Timers) : IEngineCommand<int>
{
    public async Task<int> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var fired = 0;
        // Every instance of the batch in one read, not one read per timer.
        await step.Session.LoadInstancesAsync(Timers.Where(t => t.InstanceId is not null && t.DueAt <= step.Now).Select(t => t.InstanceId!.Value).ToList(),
            cancellationToken);
        foreach (var due in Timers)
        {
            if (due.InstanceId is not { } instanceId || due.DueAt > step.Now)
            {
                continue;
            }

            var instance = await step.LoadAsync(instanceId, cancellationToken);
            if (instance is not { IsActive: true } || instance.Timers.FirstOrDefault(t => t.Id == due.Id) is not { } timer
                || timer.DueAt != due.DueAt || timer.DueAt > step.Now)
            {
                continue;
            }

            await step.Events.FireTimerAsync(instance, timer);
            fired++;
        }

        return fired;
    }
}
