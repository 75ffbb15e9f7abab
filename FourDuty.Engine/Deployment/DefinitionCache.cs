using System.Collections.Concurrent;
using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Deployment;

/// <summary>Parses each deployed version once and keeps the model for every instance that runs on it.</summary>
internal sealed class DefinitionCache(BpmnParser parser)
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinition> _definitions = new();

    public bool TryGet(Guid definitionId, out ProcessDefinition definition) =>
        _definitions.TryGetValue(definitionId, out definition!);

    public ProcessDefinition Get(ProcessDefinitionRecord record) =>
        _definitions.GetOrAdd(record.Id, _ => Load(record));

    private ProcessDefinition Load(ProcessDefinitionRecord record)
    {
        var result = parser.Parse(record.Xml, record.Key);
        var process = result.Model?.Processes.FirstOrDefault(p => p.Id == record.Key)
            ?? throw new InvalidOperationException(
                $"Stored definition '{record.Key}' version {record.Version} no longer parses: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        return new ProcessDefinition(record.Id, record.DeploymentId, record.Key, record.Version, process, result.Model!, record.DeployedAt);
    }
}
