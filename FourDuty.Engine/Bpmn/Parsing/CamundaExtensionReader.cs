using System.Collections.Frozen;
using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Reads the Camunda 7 extension elements inside <c>extensionElements</c>.</summary>
internal static class CamundaExtensionReader
{
    private static readonly FrozenDictionary<string, string> Unsupported = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["executionListener"] = "listeners are not run; put the work in a service task or send task of its own",
        ["taskListener"] = "listeners are not run; use a boundary timer with a send task for reminders, or a service task",
        ["connector"] = "Camunda Connect connectors are not supported; use a service task with camunda:type",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> NotExecuted = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["formData"] = "generated forms are not used; set camunda:formKey to a form-js form",
        ["failedJobRetryTimeCycle"] = "the engine's retry policy applies instead",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<XElement> Extensions(XElement element) =>
        element.Elements(BpmnNames.Bpmn("extensionElements")).Elements().Where(e => e.Name.Namespace == BpmnNames.Camunda);

    public static IReadOnlyDictionary<string, string> Properties(XElement element)
    {
        var properties = Extensions(element)
            .Where(e => e.Name.LocalName == "properties")
            .Elements(BpmnNames.Cam("property"))
            .Select(p => (Name: ParseContext.Attribute(p, "name"), Value: p.Attribute("value")?.Value ?? ""))
            .Where(p => p.Name is not null)
            .ToList();
        if (properties.Count == 0)
        {
            return FlowNode.EmptyProperties;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            result[name!] = value;
        }

        return result;
    }

    public static void ReportUnsupported(XElement element, string elementId, ParseContext context)
    {
        foreach (var extension in Extensions(element))
        {
            var name = extension.Name.LocalName;
            if (Unsupported.TryGetValue(name, out var reason))
            {
                context.Problems.Report(BpmnRules.UnsupportedElement, elementId, ParseContext.LineOf(extension),
                    $"camunda:{name} on '{elementId}' is not supported: {reason}.");
            }
            else if (NotExecuted.TryGetValue(name, out var ignored))
            {
                context.Problems.Report(BpmnRules.NotExecuted, elementId, ParseContext.LineOf(extension),
                    $"camunda:{name} on '{elementId}' is ignored: {ignored}.");
            }
        }
    }

    public static InputOutputMapping? InputOutput(XElement element, string elementId, ParseContext context)
    {
        var inputOutput = Extensions(element).FirstOrDefault(e => e.Name.LocalName == "inputOutput");
        if (inputOutput is null)
        {
            return null;
        }

        return new InputOutputMapping(
            Parameters(inputOutput, "inputParameter", elementId, context),
            Parameters(inputOutput, "outputParameter", elementId, context));
    }

    private static List<Parameter> Parameters(XElement inputOutput, string kind, string elementId, ParseContext context)
    {
        var result = new List<Parameter>();
        foreach (var parameter in inputOutput.Elements(BpmnNames.Cam(kind)))
        {
            var name = ParseContext.Attribute(parameter, "name");
            if (name is null)
            {
                context.Problems.Report(BpmnRules.MissingName, elementId, ParseContext.LineOf(parameter),
                    $"A camunda:{kind} of '{elementId}' has no name. Name the variable it sets.");
                continue;
            }

            result.Add(new Parameter(name, Value(parameter, $"{kind} '{name}'", elementId, context)));
        }

        return result;
    }

    private static ParameterValue Value(XElement holder, string field, string elementId, ParseContext context)
    {
        var line = ParseContext.LineOf(holder);
        var child = holder.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNames.Camunda);
        switch (child?.Name.LocalName)
        {
            case "list":
                return new ListValue(child.Elements().Select(item => ItemValue(item, field, elementId, context)).ToList());
            case "map":
                return new MapValue(child.Elements(BpmnNames.Cam("entry"))
                    .Select(entry => new KeyValuePair<string, ParameterValue>(
                        ParseContext.Attribute(entry, "key") ?? "", Value(entry, field, elementId, context)))
                    .ToList());
            case "script":
                var format = ParseContext.Attribute(child, "scriptFormat") ?? "javascript";
                if (!ExpressionLanguages.IsJavaScript(format))
                {
                    context.Problems.Report(BpmnRules.UnsupportedAttribute, elementId, line,
                        $"The script of {field} on '{elementId}' is in '{format}'. Scripts run in JavaScript only: set scriptFormat=\"javascript\".");
                }

                return new ScriptValue(child.Value);
            default:
                var expression = context.Expression(holder.Value, elementId, line, field);
                return new ExpressionValue(expression ?? Expressions.Expression.Literal(holder.Value));
        }
    }

    private static ParameterValue ItemValue(XElement item, string field, string elementId, ParseContext context) =>
        item.Name.LocalName == "value" ? Value(item, field, elementId, context) : Value(new XElement("value", item), field, elementId, context);
}
