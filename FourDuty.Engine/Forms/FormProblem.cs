using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Forms;

/// <summary>One thing the parser found wrong with a form definition.</summary>
/// <param name="Severity">Error (the form cannot be used) or warning.</param>
/// <param name="Code">Stable code, one of the <c>FORM-SCHEMA-*</c> codes in <see cref="FormCodes"/>.</param>
/// <param name="Path">Where in the JSON, e.g. <c>$.components[2].validate.pattern</c>.</param>
/// <param name="ComponentId">The component's <c>id</c> (as the form editor shows it), when there is one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FormProblem(ProblemSeverity Severity, string Code, string Path, string? ComponentId, string Message)
{
    /// <summary><c>path component-id code error: message</c>.</summary>
    public override string ToString() =>
        $"{Path} {ComponentId ?? "-"} {Code} {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
