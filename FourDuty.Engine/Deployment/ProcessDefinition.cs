using System.Collections.Concurrent;
using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Deployment;

/// <summary>One deployed version of a process, with its parsed model, shared by every instance of that version.</summary>
public sealed class ProcessDefinition
{
    private readonly Dictionary<string, FlowNode> _nodes;
    private readonly ConcurrentDictionary<(string From, string To), bool> _reachable = new();

    internal ProcessDefinition(Guid id, Guid deploymentId, string key, int version, BpmnProcess process, BpmnModel model, DateTimeOffset deployedAt)
    {
        Id = id;
        DeploymentId = deploymentId;
        Key = key;
        Version = version;
        Process = process;
        Model = model;
        DeployedAt = deployedAt;
        _nodes = process.AllFlowNodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>The definition id (one per version).</summary>
    public Guid Id { get; }

    /// <summary>The deployment that brought this version (its forms named <c>camunda-forms:deployment:…</c> come with it).</summary>
    public Guid DeploymentId { get; }

    /// <summary>The process id from the BPMN file.</summary>
    public string Key { get; }

    /// <summary>The version number, from 1.</summary>
    public int Version { get; }

    /// <summary>The process name, if the model gives one.</summary>
    public string? Name => Process.Name;

    /// <summary>When this version was deployed.</summary>
    public DateTimeOffset DeployedAt { get; }

    /// <summary>The parsed process.</summary>
    public BpmnProcess Process { get; }

    /// <summary>The whole parsed file (messages, signals, errors and escalations live there).</summary>
    public BpmnModel Model { get; }

    /// <summary>The flow node with the given id.</summary>
    /// <exception cref="KeyNotFoundException">The definition has no such element.</exception>
    public FlowNode Node(string elementId) =>
        _nodes.TryGetValue(elementId, out var node)
            ? node
            : throw new KeyNotFoundException($"Process '{Key}' version {Version} has no element '{elementId}'.");

    /// <summary>
    /// Whether a token at <paramref name="from"/> could still arrive at <paramref name="to"/> by sequence flows
    /// of their scope (boundary events included); an inclusive join waits while this holds for another token.
    /// </summary>
    internal bool CanReach(FlowNode from, FlowNode to) =>
        _reachable.GetOrAdd((from.Id, to.Id), _ => Search(from, to));

    private static bool Search(FlowNode from, FlowNode to)
    {
        var seen = new HashSet<FlowNode>();
        var queue = new Queue<FlowNode>([from]);
        while (queue.TryDequeue(out var node))
        {
            var next = node.Outgoing.Select(f => f.Target)
                .Concat(node is Activity activity ? activity.BoundaryEvents : []);
            foreach (var target in next)
            {
                if (ReferenceEquals(target, to))
                {
                    return true;
                }

                if (seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return false;
    }
}
