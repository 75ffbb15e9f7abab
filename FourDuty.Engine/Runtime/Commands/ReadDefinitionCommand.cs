using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>The latest (or a given) version of a process with its parsed model, from the cache every instance uses. Changes nothing.</summary>
internal sealed record ReadDefinitionCommand(string Key, int? Version) : IEngineCommand<ProcessDefinition>
{
    public async Task<ProcessDefinition> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var id = await step.Session.FindDefinitionIdAsync(Key, Version, cancellationToken)
            ?? throw new EngineException(EngineErrors.DefinitionNotFound, $"No process with key '{Key}'{(Version is null ? "" : $" and version {Version}")} is deployed.");
        return await step.DefinitionAsync(id, cancellationToken);
    }
}

/// <summary>The latest version of every process with its parsed model (read from the store only for versions not parsed yet). Changes nothing.</summary>
internal sealed record ReadLatestDefinitionsCommand : IEngineCommand<IReadOnlyList<ProcessDefinition>>
{
    public async Task<IReadOnlyList<ProcessDefinition>> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var definitions = new List<ProcessDefinition>();
        foreach (var id in await step.Session.ListLatestDefinitionIdsAsync(cancellationToken))
        {
            definitions.Add(await step.DefinitionAsync(id, cancellationToken));
        }

        return definitions;
    }
}
