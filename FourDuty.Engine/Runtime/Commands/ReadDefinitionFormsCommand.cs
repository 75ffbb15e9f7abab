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
        var forms = new List<FormDefinitionRecordInfo>();
        foreach (var formKey in FormFiles.NamedIn(step.Services.Definitions.Get(definition).Process)
            .Select(named => FormFiles.Parse(named.FormKey)).OfType<(string Key, bool SameDeployment)>().DistinctBy(key => key.Key))
        {
            var form = await step.Session.FindFormAsync(formKey.Key, formKey.SameDeployment ? definition.DeploymentId : null, cancellationToken)
                ?? await step.Session.FindFormAsync(formKey.Key, null, cancellationToken);
            if (form is not null)
            {
                forms.Add(new FormDefinitionRecordInfo(form.Id, form.Key, form.Version, form.Json));
            }
        }

        return forms;
    }
}
