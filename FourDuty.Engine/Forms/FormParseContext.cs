using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Forms;

/// <summary>Gathers every problem of one form file, so that all of them are reported at once.</summary>
internal sealed class FormParseContext(FormLimits limits)
{
    private readonly List<FormProblem> _problems = [];

    public FormLimits Limits { get; } = limits;

    public List<FormProblem> Problems => _problems;

    /// <summary>Components read so far, nested ones included.</summary>
    public int ComponentCount { get; set; }

    public void Error(string code, string path, string? componentId, string message) =>
        _problems.Add(new FormProblem(ProblemSeverity.Error, code, path, componentId, message));

    public void Warning(string code, string path, string? componentId, string message) =>
        _problems.Add(new FormProblem(ProblemSeverity.Warning, code, path, componentId, message));
}
