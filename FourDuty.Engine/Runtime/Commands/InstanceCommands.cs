using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>Starts the latest (or a given) version of a process at its plain start event, with what its start form allows if it has one.</summary>
internal sealed record StartInstanceCommand(string Key, int? Version, string? BusinessKey, IReadOnlyDictionary<string, VariableValue> Variables)
    : IEngineCommand<Guid>
{
    public async Task<Guid> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var latest = step.Services.LatestVersions;
        if (Version is not null || !latest.TryGet(Key, out var definitionId))
        {
            definitionId = await step.Session.FindDefinitionIdAsync(Key, Version, cancellationToken)
                ?? throw new EngineException(EngineErrors.DefinitionNotFound,
                    Version is null ? $"No process with key '{Key}' is deployed." : $"Process '{Key}' has no version {Version}.");
            if (Version is null)
            {
                latest.Remember(Key, definitionId);
            }
        }

        var definition = await step.DefinitionAsync(definitionId, cancellationToken);
        var start = InstanceStarter.PlainStart(definition);
        var variables = await StartForms.CheckAsync(step, definition, start, Variables, cancellationToken);
        return step.Starter.Start(definition, start, BusinessKey, variables).Instance.Id;
    }
}

/// <summary>Cancels an instance with everything in it, and the instances it called.</summary>
internal sealed record CancelInstanceCommand(Guid InstanceId, string Reason) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var instance = await step.LoadAsync(InstanceId, cancellationToken)
            ?? throw new EngineException(EngineErrors.InstanceNotFound, $"There is no instance {InstanceId}.");
        if (!instance.IsActive)
        {
            throw new EngineException(EngineErrors.InstanceNotActive,
                $"Instance {InstanceId} already ended ({instance.Instance.Status.ToString().ToLowerInvariant()} at {instance.Instance.EndedAt:u}).");
        }

        await step.Cancellation.CancelInstanceAsync(instance, Reason);
        return true;
    }
}

/// <summary>Sets process-level variables of a running instance (to fix data before retrying an incident, say).</summary>
internal sealed record SetVariablesCommand(Guid InstanceId, IReadOnlyDictionary<string, VariableValue> Variables) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var instance = await step.LoadAsync(InstanceId, cancellationToken)
            ?? throw new EngineException(EngineErrors.InstanceNotFound, $"There is no instance {InstanceId}.");
        if (!instance.IsActive)
        {
            throw new EngineException(EngineErrors.InstanceNotActive, $"Instance {InstanceId} already ended; its variables can no longer change.");
        }

        step.Variables.SetLocal(instance, instance.RootScope.Id, Variables);
        return true;
    }
}
