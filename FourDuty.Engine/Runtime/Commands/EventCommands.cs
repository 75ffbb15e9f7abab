using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>Delivers a message to exactly one waiting instance or message start event.</summary>
internal sealed record CorrelateMessageCommand(MessageCorrelation Message, IReadOnlyDictionary<string, VariableValue> Variables)
    : IEngineCommand<MessageDelivery>
{
    public async Task<MessageDelivery> ExecuteAsync(StepContext step, CancellationToken cancellationToken) =>
        await step.Throwing.CorrelateMessageAsync(Message, Variables);
}

/// <summary>Broadcasts a signal to every waiting party and signal start event.</summary>
internal sealed record BroadcastSignalCommand(string Name, IReadOnlyDictionary<string, VariableValue> Variables) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        await step.Throwing.BroadcastSignalAsync(Name, Variables);
        return true;
    }
}

/// <summary>
/// Fires a timer if it is due. Idempotent: a timer that is gone, not yet due, or already fired for the given due
/// time does nothing, so a job run twice — or on two nodes — fires it once.
/// </summary>
internal sealed record FireTimerCommand(Guid TimerId, DateTimeOffset? ExpectedDueAt) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var stored = await step.Session.FindTimerAsync(TimerId, cancellationToken);
        if (stored is null || stored.DueAt > step.Now || (ExpectedDueAt is { } expected && stored.DueAt != expected))
        {
            return false;
        }

        if (stored.InstanceId is null)
        {
            return await StartTimers.FireAsync(step, stored, cancellationToken);
        }

        var instance = await step.LoadAsync(stored.InstanceId.Value, cancellationToken);
        if (instance is not { IsActive: true } || instance.Timers.FirstOrDefault(t => t.Id == TimerId) is not { } timer)
        {
            return false;
        }

        await step.Events.FireTimerAsync(instance, timer);
        return true;
    }
}
