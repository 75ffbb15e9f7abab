using System.Xml;
using System.Xml.Linq;
using FourDuty.Engine.Expressions;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>What the readers of one file share: problems, declared root elements, and references to link later.</summary>
internal sealed class ParseContext(ProblemCollector problems)
{
    private int _generatedIds;

    public ProblemCollector Problems { get; } = problems;

    /// <summary><c>expressionLanguage</c> of <c>definitions</c>: the language of expressions that do not name their own.</summary>
    public string? ExpressionLanguage { get; init; }

    public Dictionary<string, BpmnMessage> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BpmnSignal> Signals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BpmnError> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BpmnEscalation> Escalations { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of messages and signals declared without a name.</summary>
    public HashSet<string> Nameless { get; } = new(StringComparer.Ordinal);

    /// <summary>Every flow node of the file by id, for sequence flows, boundary events and lanes.</summary>
    public Dictionary<string, FlowNode> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>References that can only be resolved once every node is read.</summary>
    public List<PendingReference> Pending { get; } = [];

    public static int LineOf(XObject xml) => xml is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>An attribute without namespace, trimmed; null when missing or blank.</summary>
    public static string? Attribute(XElement element, string name) => NonBlank(element.Attribute(name)?.Value);

    public static string? CamundaAttribute(XElement element, string name) =>
        NonBlank(element.Attribute(BpmnNames.Cam(name))?.Value);

    public static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A reference attribute, with any QName prefix (<c>tns:invoice</c>) removed: ids hold no colon.</summary>
    public static string? Reference(XElement element, string name) => StripPrefix(Attribute(element, name));

    public static string? StripPrefix(string? reference) =>
        reference is null ? null : reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public static string? Documentation(XElement element)
    {
        var texts = element.Elements(BpmnNames.Bpmn("documentation")).Select(d => d.Value.Trim()).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? null : string.Join("\n\n", texts);
    }

    /// <summary>The element's id, or a generated one after reporting that it is missing.</summary>
    public string IdOf(XElement element, bool required = true)
    {
        var id = Attribute(element, "id");
        if (id is not null)
        {
            return id;
        }

        var generated = $"{element.Name.LocalName}_line{LineOf(element)}_{++_generatedIds}";
        if (required)
        {
            Problems.Report(BpmnRules.MissingId, null, LineOf(element),
                $"<{element.Name.LocalName}> has no id. Give it a unique id attribute; the engine refers to elements by id.");
        }

        return generated;
    }

    /// <summary>A boolean attribute; reports a value other than true/false.</summary>
    public bool Flag(XElement element, XName name, bool defaultValue, string elementId)
    {
        var text = NonBlank(element.Attribute(name)?.Value);
        if (text is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problems.Report(BpmnRules.InvalidValue, elementId, LineOf(element),
            $"{DisplayName(name)}=\"{text}\" on '{elementId}' is not a boolean. Write true or false.");
        return defaultValue;
    }

    /// <summary>Reads an expression, reporting a syntax error with the element and the field it came from.</summary>
    public Expression? Expression(string? text, string elementId, int line, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (Expressions.Expression.TryParse(text, out var expression, out var error))
        {
            return expression;
        }

        Problems.Report(BpmnRules.ExpressionInvalid, elementId, line,
            $"The {field} of '{elementId}' does not parse: {error}. Expressions are JavaScript inside ${{...}}, e.g. ${{amount > 1000}}.");
        return null;
    }

    public void Unsupported(XElement element, string elementId, string reason) =>
        Problems.Report(BpmnRules.UnsupportedElement, elementId, LineOf(element),
            $"<{element.Name.LocalName}> '{elementId}' is not supported: {reason}");

    public static string DisplayName(XName name) =>
        name.Namespace == BpmnNames.Camunda ? $"camunda:{name.LocalName}" : name.LocalName;
}

/// <summary>A reference from one element to another that is resolved after the whole file is read.</summary>
internal sealed record PendingReference(PendingKind Kind, BpmnElement From, string TargetId, int Line, IFlowScope? Scope);

internal enum PendingKind
{
    FlowSource,
    FlowTarget,
    DefaultFlow,
    AttachedTo,
    LaneMember,
}
