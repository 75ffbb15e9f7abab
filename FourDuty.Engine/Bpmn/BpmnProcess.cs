namespace FourDuty.Engine.Bpmn;

/// <summary>One <c>process</c> of a BPMN file; deployed as a process definition under its id.</summary>
public sealed class BpmnProcess : BpmnElement, IFlowScope, IScopeContents
{
    internal List<FlowNode> Nodes { get; } = [];

    internal List<SequenceFlow> Flows { get; } = [];

    internal List<SubProcess> EventScopes { get; } = [];

    internal List<Lane> LaneList { get; } = [];

    List<FlowNode> IScopeContents.Nodes => Nodes;

    List<SequenceFlow> IScopeContents.Flows => Flows;

    List<SubProcess> IScopeContents.EventScopes => EventScopes;

    /// <summary><c>isExecutable</c>: only executable processes are deployed.</summary>
    public bool IsExecutable { get; init; }

    /// <summary><c>camunda:versionTag</c>, shown beside the version number.</summary>
    public string? VersionTag { get; init; }

    /// <summary>
    /// <c>camunda:candidateStarterGroups</c>: the groups whose members may start the process by hand, as in Camunda 7 (a
    /// comma-separated list, kept as written). The engine only keeps them; the service that starts instances decides what a
    /// group is and enforces them.
    /// </summary>
    public IReadOnlyList<string> CandidateStarterGroups { get; init; } = [];

    /// <summary><c>camunda:candidateStarterUsers</c>: the users who may start the process by hand, as in Camunda 7 (see <see cref="CandidateStarterGroups"/>).</summary>
    public IReadOnlyList<string> CandidateStarterUsers { get; init; } = [];

    /// <summary><c>camunda:properties</c> of the process.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = FlowNode.EmptyProperties;

    /// <summary>Every lane, nested ones included.</summary>
    public IReadOnlyList<Lane> Lanes => LaneList;

    /// <inheritdoc />
    public IReadOnlyList<FlowNode> FlowNodes => Nodes;

    /// <inheritdoc />
    public IReadOnlyList<SequenceFlow> SequenceFlows => Flows;

    /// <inheritdoc />
    public IReadOnlyList<SubProcess> EventSubProcesses => EventScopes;

    /// <inheritdoc />
    public IFlowScope? ParentScope => null;

    /// <summary>The start events at process level (not those of event subprocesses).</summary>
    public IEnumerable<StartEvent> StartEvents => Nodes.OfType<StartEvent>();

    /// <summary>Every flow node of the process at any depth, event subprocesses included.</summary>
    public IEnumerable<FlowNode> AllFlowNodes => ScopeWalker.Descendants(this);
}

internal static class ScopeWalker
{
    public static IEnumerable<FlowNode> Descendants(IFlowScope scope)
    {
        foreach (var node in scope.FlowNodes.Concat(scope.EventSubProcesses))
        {
            yield return node;
            if (node is IFlowScope inner)
            {
                foreach (var nested in Descendants(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}

/// <summary>The lists a scope is built into while its file is read.</summary>
internal interface IScopeContents
{
    List<FlowNode> Nodes { get; }

    List<SequenceFlow> Flows { get; }

    List<SubProcess> EventScopes { get; }
}
