using FourDuty.Engine.Expressions;

namespace FourDuty.Engine.Bpmn;

/// <summary><c>multiInstanceLoopCharacteristics</c>: run an activity several times, in parallel or one after another.</summary>
public sealed class MultiInstanceCharacteristics
{
    /// <summary><c>isSequential</c>.</summary>
    public bool IsSequential { get; init; }

    /// <summary><c>loopCardinality</c>: how many instances, when not one per collection item.</summary>
    public Expression? LoopCardinality { get; init; }

    /// <summary><c>camunda:collection</c> (or <c>loopDataInputRef</c>): the list to run once per item of.</summary>
    public Expression? Collection { get; init; }

    /// <summary><c>camunda:elementVariable</c> (or <c>inputDataItem</c>): the local variable holding the item.</summary>
    public string? ElementVariable { get; init; }

    /// <summary><c>completionCondition</c>: when it holds after an instance completes, the rest are cancelled.</summary>
    public Expression? CompletionCondition { get; init; }
}
