namespace FourDuty.Engine.Bpmn;

/// <summary>What the parser made of one file: the model (unless the file could not be read at all) and every problem.</summary>
public sealed class BpmnParseResult
{
    internal BpmnParseResult(BpmnModel? model, IReadOnlyList<BpmnProblem> problems)
    {
        Model = model;
        Problems = problems;
    }

    /// <summary>The model; null when the file is not well-formed BPMN or breaks a limit.</summary>
    public BpmnModel? Model { get; }

    /// <summary>Every problem found, errors and warnings, in the order found.</summary>
    public IReadOnlyList<BpmnProblem> Problems { get; }

    /// <summary>The problems that prevent deployment.</summary>
    public IEnumerable<BpmnProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>True when the file can be deployed: a model, and no errors.</summary>
    public bool IsValid => Model is not null && !Errors.Any();
}
