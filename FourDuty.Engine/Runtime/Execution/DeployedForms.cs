using FourDuty.Engine.Deployment;
using FourDuty.Engine.Forms;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Finds the form a <c>camunda:formKey</c> names, as Camunda 7 binds it: <c>camunda-forms:deployment:KEY</c> the version
/// deployed with the process (then the latest, for a deployment that lacks it), otherwise the latest version. A form
/// found in its own deployment is read from the store once per engine; a step on a warm cache reads no form.
/// </summary>
internal static class DeployedForms
{
    public static async Task<(FormDefinitionRecordInfo Record, FormSchema Schema)?> FindAsync(StepContext step, string? formKey, ProcessDefinition definition,
        CancellationToken cancellationToken)
    {
        if (FormFiles.Parse(formKey) is not { } key)
        {
            return null;
        }

        var forms = step.Services.Forms;
        if (key.SameDeployment)
        {
            if (forms.TryGetInDeployment(key.Key, definition.DeploymentId, out var known))
            {
                return known;
            }

            if (await step.Session.FindFormAsync(key.Key, definition.DeploymentId, cancellationToken) is { } deployed)
            {
                return forms.RememberInDeployment(deployed);
            }
        }

        var latest = await step.Session.FindFormAsync(key.Key, null, cancellationToken);
        return latest is null ? null : (new FormDefinitionRecordInfo(latest.Id, latest.Key, latest.Version, latest.Json), forms.Get(latest));
    }
}
