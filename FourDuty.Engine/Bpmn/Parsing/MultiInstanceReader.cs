using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class MultiInstanceReader
{
    public static MultiInstanceCharacteristics? Read(XElement activity, string activityId, ParseContext context)
    {
        var element = activity.Element(BpmnNames.Bpmn("multiInstanceLoopCharacteristics"));
        if (element is null)
        {
            return null;
        }

        var line = ParseContext.LineOf(element);
        Expressions.Expression? Child(string name) =>
            element.Element(BpmnNames.Bpmn(name)) is { } child
                ? context.Expression(ParseContext.NonBlank(child.Value), activityId, ParseContext.LineOf(child), name)
                : null;

        // Camunda's extension attributes first; the spec's loopDataInputRef / inputDataItem are read the way
        // Camunda reads them (a variable name and the element variable's name).
        var collectionText = ParseContext.CamundaAttribute(element, "collection")
            ?? ParseContext.NonBlank(element.Element(BpmnNames.Bpmn("loopDataInputRef"))?.Value);
        var characteristics = new MultiInstanceCharacteristics
        {
            IsSequential = context.Flag(element, "isSequential", false, activityId),
            LoopCardinality = Child("loopCardinality"),
            CompletionCondition = Child("completionCondition"),
            Collection = context.Expression(collectionText, activityId, line, "camunda:collection"),
            ElementVariable = ParseContext.CamundaAttribute(element, "elementVariable")
                ?? ParseContext.Attribute(element.Element(BpmnNames.Bpmn("inputDataItem")) ?? new XElement("none"), "name"),
        };

        if (characteristics.LoopCardinality is null && characteristics.Collection is null)
        {
            context.Problems.Report(BpmnRules.ImplementationMissing, activityId, line,
                $"The multi-instance of '{activityId}' says neither how many instances (loopCardinality) nor over which list (camunda:collection). Give one of them.");
        }

        if (characteristics.ElementVariable is not null && characteristics.Collection is null)
        {
            context.Problems.Report(BpmnRules.InvalidValue, activityId, line,
                $"The multi-instance of '{activityId}' names the element variable '{characteristics.ElementVariable}' but no collection. Set camunda:collection to the list to run over.");
        }

        return characteristics;
    }
}
