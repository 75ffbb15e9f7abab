namespace FourDuty.Engine.Bpmn;

/// <summary>A lane of a process: the nodes drawn in it belong to one role.</summary>
public sealed class Lane : BpmnElement
{
    /// <summary>The lane that contains this one, for nested lane sets.</summary>
    public Lane? ParentLane { get; init; }

    /// <summary><c>camunda:properties</c> of the lane, e.g. the candidate group it stands for.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = FlowNode.EmptyProperties;
}
