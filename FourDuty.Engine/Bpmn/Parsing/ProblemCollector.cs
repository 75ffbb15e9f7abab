namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Gathers every problem of one file, so that all of them are reported at once.</summary>
internal sealed class ProblemCollector(string? file)
{
    private readonly List<BpmnProblem> _problems = [];

    /// <summary>
    /// While set, errors are reported as warnings: a process that is not executable is never deployed, so
    /// what would stop it from running is information, not a reason to refuse the file.
    /// </summary>
    public bool Lenient { get; set; }

    public IReadOnlyList<BpmnProblem> Problems => _problems;

    public bool HasErrors => _problems.Any(p => p.Severity == ProblemSeverity.Error);

    public void Report(BpmnRule rule, string? elementId, int line, string message)
    {
        var severity = Lenient ? ProblemSeverity.Warning : rule.Severity;
        _problems.Add(new BpmnProblem(severity, rule.Code, rule.Name, elementId, line, message, file));
    }

    public void Report(BpmnRule rule, BpmnElement element, string message) =>
        Report(rule, element.Id, element.Line, message);
}
