using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Forms;

/// <summary>What the parser made of one form file: the schema (unless the file is unusable) and every problem.</summary>
public sealed class FormParseResult
{
    internal FormParseResult(FormSchema? schema, IReadOnlyList<FormProblem> problems)
    {
        Problems = problems;
        Schema = problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : schema;
    }

    /// <summary>The schema; null when the form has any error.</summary>
    public FormSchema? Schema { get; }

    /// <summary>Every problem found, errors and warnings, in document order.</summary>
    public IReadOnlyList<FormProblem> Problems { get; }

    /// <summary>The problems that make the form unusable.</summary>
    public IEnumerable<FormProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>True when the form can be deployed and used: a schema and no errors.</summary>
    public bool IsValid => Schema is not null;
}
