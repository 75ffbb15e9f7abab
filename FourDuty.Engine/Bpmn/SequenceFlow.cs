using FourDuty.Engine.Expressions;

namespace FourDuty.Engine.Bpmn;

/// <summary>A connection between two flow nodes of one scope, optionally guarded by a condition.</summary>
public sealed class SequenceFlow : BpmnElement
{
    /// <summary>Where the flow starts.</summary>
    public FlowNode Source { get; internal set; } = null!;

    /// <summary>Where the flow leads.</summary>
    public FlowNode Target { get; internal set; } = null!;

    /// <summary>The <c>conditionExpression</c>, if any.</summary>
    public Expression? Condition { get; init; }

    /// <summary>True when the file gives a condition, even one that could not be read (already reported).</summary>
    internal bool HasConditionElement { get; init; }

    /// <summary>The scope that contains the flow.</summary>
    public IFlowScope Scope { get; internal set; } = null!;

    /// <summary>True when this is the default flow of its source.</summary>
    public bool IsDefault => ReferenceEquals(Source.DefaultFlow, this);
}
