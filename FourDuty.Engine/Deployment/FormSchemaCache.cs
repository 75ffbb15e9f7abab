using System.Collections.Concurrent;
using FourDuty.Engine.Forms;

namespace FourDuty.Engine.Deployment;

/// <summary>
/// Each deployed form version parsed once per engine, and the forms deployed with a process found once: a deployed
/// version never changes, nor does the set of forms a deployment brought, so neither needs invalidating. The cache
/// belongs to the engine (not to the process), so two engines in one process — a test-run beside the service — share
/// nothing.
/// </summary>
internal sealed class FormSchemaCache
{
    private readonly ConcurrentDictionary<Guid, FormSchema> _parsed = new();
    private readonly ConcurrentDictionary<(string Key, Guid DeploymentId), FormDefinitionRecordInfo> _inDeployment = new();

    public FormSchema Get(FormDefinitionRecord form) => _parsed.GetOrAdd(form.Id, static (_, json) => FormSchema.Parse(json).Schema!, form.Json);

    /// <summary>The form <paramref name="key"/> that deployment <paramref name="deploymentId"/> brought, if it was found before.</summary>
    public bool TryGetInDeployment(string key, Guid deploymentId, out (FormDefinitionRecordInfo Record, FormSchema Schema) form)
    {
        if (_inDeployment.TryGetValue((key, deploymentId), out var record) && _parsed.TryGetValue(record.Id, out var schema))
        {
            form = (record, schema);
            return true;
        }

        form = default;
        return false;
    }

    /// <summary>Remembers a form found in its own deployment (never one found as the latest version, which a later deployment changes).</summary>
    public (FormDefinitionRecordInfo Record, FormSchema Schema) RememberInDeployment(FormDefinitionRecord form)
    {
        var record = new FormDefinitionRecordInfo(form.Id, form.Key, form.Version, form.Json);
        var schema = Get(form);
        _inDeployment.TryAdd((form.Key, form.DeploymentId), record);
        return (record, schema);
    }
}
