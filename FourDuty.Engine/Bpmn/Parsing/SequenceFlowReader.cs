using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class SequenceFlowReader
{
    public static SequenceFlow Read(XElement element, IFlowScope scope, ParseContext context)
    {
        // Sequence flows may omit their id (the schema allows it, and Camunda's own tests do); they get one.
        var id = context.IdOf(element, required: false);
        var line = ParseContext.LineOf(element);
        var flow = new SequenceFlow
        {
            Id = id,
            Name = ParseContext.Attribute(element, "name"),
            Line = line,
            Documentation = ParseContext.Documentation(element),
            Condition = ReadCondition(element, id, context),
            HasConditionElement = element.Element(BpmnNames.Bpmn("conditionExpression")) is not null,
            Scope = scope,
        };

        var source = ParseContext.Reference(element, "sourceRef");
        var target = ParseContext.Reference(element, "targetRef");
        if (source is null || target is null)
        {
            context.Problems.Report(BpmnRules.DanglingReference, id, line,
                $"Sequence flow '{id}' has no {(source is null ? "sourceRef" : "targetRef")}. Connect both of its ends.");
        }

        if (source is not null)
        {
            context.Pending.Add(new PendingReference(PendingKind.FlowSource, flow, source, line, scope));
        }

        if (target is not null)
        {
            context.Pending.Add(new PendingReference(PendingKind.FlowTarget, flow, target, line, scope));
        }

        return flow;
    }

    private static Expressions.Expression? ReadCondition(XElement flow, string id, ParseContext context)
    {
        var condition = flow.Element(BpmnNames.Bpmn("conditionExpression"));
        if (condition is null)
        {
            return null;
        }

        var line = ParseContext.LineOf(condition);
        var language = ParseContext.Attribute(condition, "language");
        if (language is not null && !ExpressionLanguages.IsJavaScript(language))
        {
            context.Problems.Report(BpmnRules.UnsupportedAttribute, id, line,
                $"The condition of sequence flow '{id}' is written in '{language}'. FourDuty evaluates JavaScript: remove the language attribute and write ${{...}}.");
            return null;
        }

        var text = ParseContext.NonBlank(condition.Value);
        if (text is null)
        {
            context.Problems.Report(BpmnRules.ExpressionInvalid, id, line,
                $"Sequence flow '{id}' has an empty condition. Write one such as ${{approved == true}}, or remove the conditionExpression.");
            return null;
        }

        if (text.StartsWith('='))
        {
            context.Problems.Report(BpmnRules.UnsupportedAttribute, id, line,
                $"The condition of sequence flow '{id}' is FEEL ('{text}'), as Camunda 8 writes conditions. FourDuty evaluates JavaScript: write it as ${{...}}, e.g. ${{approved == true}}.");
            return null;
        }

        var expression = context.Expression(text, id, line, "condition");

        // Camunda ignores the file's expression language and reads ${...} whatever it says, and so do we; plain text,
        // though, is then in that language (XPath, FEEL, ...), and saying so is the clearer message.
        if (expression is { IsLiteral: true } && language is null
            && context.ExpressionLanguage is { } fileLanguage && !ExpressionLanguages.IsJavaScript(fileLanguage))
        {
            context.Problems.Report(BpmnRules.UnsupportedAttribute, id, line,
                $"The condition of sequence flow '{id}' ('{text}') is in '{fileLanguage}', the expressionLanguage of this file. FourDuty evaluates JavaScript: write it as ${{...}}, e.g. ${{approved == true}}.");
            return null;
        }

        if (expression is { IsLiteral: true })
        {
            context.Problems.Report(BpmnRules.ExpressionInvalid, id, line,
                $"The condition of sequence flow '{id}' is plain text ('{text}'), which is not evaluated. Write it as ${{{text}}} if it is JavaScript.");
            return null;
        }

        return expression;
    }
}

internal static class ExpressionLanguages
{
    public static bool IsJavaScript(string language) =>
        language.Equals("javascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("ecmascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("js", StringComparison.OrdinalIgnoreCase)
        || language.Equals("text/javascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
}
