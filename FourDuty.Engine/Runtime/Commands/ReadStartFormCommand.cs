using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>The start form of the latest (or a given) version of a process; null when its start event names none. Changes nothing.</summary>
internal sealed record ReadStartFormCommand(string Key, int? Version) : IEngineCommand<FormDefinitionRecordInfo?>
{
    public async Task<FormDefinitionRecordInfo?> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var record = await step.Session.FindDefinitionAsync(Key, Version, cancellationToken)
            ?? throw new EngineException(EngineErrors.DefinitionNotFound, $"No process with key '{Key}'{(Version is null ? "" : $" and version {Version}")} is deployed.");
        var definition = await step.DefinitionAsync(record.Id, cancellationToken);
        return (await StartForms.FindAsync(step, definition, InstanceStarter.PlainStart(definition), cancellationToken))?.Record;
    }
}
