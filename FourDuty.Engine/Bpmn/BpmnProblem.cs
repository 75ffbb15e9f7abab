namespace FourDuty.Engine.Bpmn;

/// <summary>How bad a problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The model can be deployed, but probably does not do what its designer meant.</summary>
    Warning,

    /// <summary>The model cannot be deployed until this is fixed.</summary>
    Error,
}

/// <summary>One thing the parser or validator found wrong with a model.</summary>
/// <param name="Severity">Error (blocks deployment) or warning.</param>
/// <param name="Code">Stable code, e.g. <c>BPMN-042</c>; see <see cref="BpmnRules"/>.</param>
/// <param name="Rule">Short rule name, e.g. <c>condition-missing</c>.</param>
/// <param name="ElementId">The element the problem is about, if there is one.</param>
/// <param name="Line">Line in the file (1-based), 0 when unknown.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="File">The file name, when the caller gave one.</param>
public sealed record BpmnProblem(
    ProblemSeverity Severity,
    string Code,
    string Rule,
    string? ElementId,
    int Line,
    string Message,
    string? File = null)
{
    /// <summary><c>file:line element-id rule message</c>, the form the validate command prints.</summary>
    public override string ToString() =>
        $"{File ?? "-"}:{Line} {ElementId ?? "-"} {Rule} {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
