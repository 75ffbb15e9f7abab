namespace FourDuty.Engine.Bpmn;

/// <summary>An event, activity or gateway: something a token can be at.</summary>
public abstract class FlowNode : BpmnElement
{
    internal List<SequenceFlow> IncomingFlows { get; } = [];

    internal List<SequenceFlow> OutgoingFlows { get; } = [];

    /// <summary>The scope that directly contains the node.</summary>
    public IFlowScope Scope { get; internal set; } = null!;

    /// <summary>Sequence flows that arrive here, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Incoming => IncomingFlows;

    /// <summary>Sequence flows that leave here, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Outgoing => OutgoingFlows;

    /// <summary>The lane the node is drawn in, if the process has lanes.</summary>
    public Lane? Lane { get; internal set; }

    /// <summary><c>camunda:asyncBefore</c>: commit before the node starts, so its work runs as a job.</summary>
    public bool AsyncBefore { get; internal set; }

    /// <summary><c>camunda:asyncAfter</c>: commit after the node completes.</summary>
    public bool AsyncAfter { get; internal set; }

    /// <summary><c>camunda:properties</c>: free name/value pairs for handlers and templates.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; internal set; } = EmptyProperties;

    /// <summary><c>camunda:inputOutput</c>: local variables set on entry and variables written back on exit.</summary>
    public InputOutputMapping? InputOutput { get; internal set; }

    /// <summary>The flow taken when no condition of the outgoing flows holds (<c>default</c> attribute).</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    internal static readonly IReadOnlyDictionary<string, string> EmptyProperties = System.Collections.Frozen.FrozenDictionary<string, string>.Empty;
}
