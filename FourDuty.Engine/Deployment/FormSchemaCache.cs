using System.Collections.Concurrent;
using FourDuty.Engine.Forms;

namespace FourDuty.Engine.Deployment;

/// <summary>
/// Each deployed form version parsed once per engine. A deployed version never changes, so its id is the key; the cache
/// belongs to the engine (not to the process), so two engines in one process — a test-run beside the service — share
/// nothing.
/// </summary>
internal sealed class FormSchemaCache
{
    private readonly ConcurrentDictionary<Guid, FormSchema> _parsed = new();

    public FormSchema Get(FormDefinitionRecord form) => _parsed.GetOrAdd(form.Id, static (_, json) => FormSchema.Parse(json).Schema!, form.Json);
}
