namespace FourDuty.Engine.Bpmn;

/// <summary>A process or subprocess: the container that sequence flows may not leave.</summary>
public interface IFlowScope
{
    /// <summary>The scope's id.</summary>
    string Id { get; }

    /// <summary>The flow nodes directly inside the scope (not those of nested subprocesses), boundary events included, event subprocesses not.</summary>
    IReadOnlyList<FlowNode> FlowNodes { get; }

    /// <summary>The sequence flows directly inside the scope.</summary>
    IReadOnlyList<SequenceFlow> SequenceFlows { get; }

    /// <summary>The event subprocesses of this scope; they live exactly as long as the scope.</summary>
    IReadOnlyList<SubProcess> EventSubProcesses { get; }

    /// <summary>The enclosing scope; null for a process.</summary>
    IFlowScope? ParentScope { get; }
}
