namespace FourDuty.Engine.Bpmn;

/// <summary>Bounds on what the parser reads, so a hostile or broken file fails fast instead of exhausting the host.</summary>
public sealed class BpmnParserLimits
{
    /// <summary>Largest file, in characters (default 10 million, about 10 MB).</summary>
    public int MaxCharacters { get; set; } = 10_000_000;

    /// <summary>Deepest element nesting (default 100; real models stay under 30).</summary>
    public int MaxDepth { get; set; } = 100;

    /// <summary>Most XML elements in a file, diagram included (default 500,000).</summary>
    public int MaxElements { get; set; } = 500_000;

    /// <summary>
    /// Most flow elements (events, activities, gateways, nested ones included) of one process (default 2,000; the
    /// college's processes have under 100). Each instance's start reads its whole model, so this bounds what a start costs.
    /// </summary>
    public int MaxFlowNodes { get; set; } = 2_000;
}
