namespace FourDuty.Engine.Bpmn;

/// <summary>Anything in a model that has an id: processes, flow nodes, sequence flows, lanes.</summary>
public abstract class BpmnElement
{
    /// <summary>The id from the file, unique within it (generated for sequence flows that have none).</summary>
    public string Id { get; internal set; } = "";

    /// <summary>The <c>name</c> attribute, if any.</summary>
    public string? Name { get; internal set; }

    /// <summary>The line of the element in its file, for messages.</summary>
    public int Line { get; internal set; }

    /// <summary>The text of the element's <c>documentation</c> children, if any.</summary>
    public string? Documentation { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} '{Id}'";
}
