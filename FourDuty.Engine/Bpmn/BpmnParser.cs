using FourDuty.Engine.Bpmn.Parsing;
using FourDuty.Engine.Bpmn.Validation;

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
        if (model is not null)
        {
            BpmnValidator.Validate(model, problems);
        }

        return new BpmnParseResult(model, problems.Problems);
    }
}
