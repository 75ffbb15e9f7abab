using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>
/// The forms the user tasks (and the start event) of one definition version open, found as a task would find them (the same deployment
/// first, then the latest version of the key); changes nothing. A form key that names no deployed form is left out.
/// </summary>
internal sealed record ReadDefinitionFormsCommand(string Key, int? Version) : IEngineCommand<IReadOnlyList<FormDefinitionRecordInfo>>
{
    public async Task<IReadOnlyList<FormDefinitionRecordInfo>> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var definition = await step.Session.FindDefinitionAsync(Key, Version, cancellationToken)
            ?? throw new EngineException(EngineErrors.DefinitionNotFound, $"No process with key '{Key}'{(Version is null ? "" : $" and version {Version}")} is deployed.");
        var process = step.Services.Definitions.Get(definition);
        var forms = new List<FormDefinitionRecordInfo>();
        foreach (var formKey in FormFiles.NamedIn(process.Process).Select(named => named.FormKey).DistinctBy(key => FormFiles.Parse(key)?.Key))
        {
            if (await DeployedForms.FindAsync(step, formKey, process, cancellationToken) is { } form)
            {
                forms.Add(form.Record);
            }
        }

        return forms;
    }
}
