using FourDuty.Engine.Bpmn.Parsing;
using FourDuty.Engine.Bpmn.Validation;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js and Camunda Modeler write it, with Camunda 7 extensions, into an immutable
/// model, and validates it.
/// </summary>
/// <remarks>
/// Never throws for bad input: every problem — XML errors, refused DTDs, broken limits, dangling references,
/// unsupported elements, invalid timers and expressions — comes back in <see cref="BpmnParseResult.Problems"/>,
/// each with a stable code, the element id and the line. Thread-safe.
/// </remarks>
public sealed class BpmnParser(BpmnParserLimits? limits = null)
{
    private readonly BpmnParserLimits _limits = limits ?? new BpmnParserLimits();

    /// <summary>Parses and validates one file's text.</summary>
    /// <param name="xml">The file's content.</param>
    /// <param name="fileName">The file name, copied into each problem for messages.</param>
    public BpmnParseResult Parse(string xml, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var problems = new ProblemCollector(fileName);
        var document = SafeXmlLoader.Load(xml, _limits, problems);
        var model = document is null ? null : DefinitionsReader.Read(document, problems);
        if (model is not null && WithinLimits(model, problems))
        {
            BpmnValidator.Validate(model, problems);
        }

        return new BpmnParseResult(model, problems.Problems);
    }

    // A process too large to run cheaply is refused before the validator walks it; a process id becomes the key
    // that URLs, file names and pages show, so it follows the rules of every name that comes from outside.
    private bool WithinLimits(BpmnModel model, ProblemCollector problems)
    {
        var within = true;
        foreach (var process in model.Processes)
        {
            var count = process.AllFlowNodes.Count();
            if (count > _limits.MaxFlowNodes)
            {
                problems.Report(BpmnRules.TooManyElements, process,
                    $"The process '{process.Id}' has {count:N0} flow elements; the limit is {_limits.MaxFlowNodes:N0} (Engine:Parser:MaxFlowNodes). " +
                    "Split the model into called processes.");
                within = false;
            }

            if (InputRules.Problem(process.Id, "process id") is { } problem)
            {
                problems.Report(BpmnRules.InvalidValue, process, problem);
            }
        }

        return within;
    }
}
