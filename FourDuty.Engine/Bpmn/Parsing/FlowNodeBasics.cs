using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>What every flow node reads the same way: id, name, documentation, async flags, Camunda extensions.</summary>
internal static class FlowNodeBasics
{
    public static T Read<T>(T node, XElement element, ParseContext context)
        where T : FlowNode
    {
        node.Id = context.IdOf(element);
        node.Name = ParseContext.Attribute(element, "name");
        node.Line = ParseContext.LineOf(element);
        node.Documentation = ParseContext.Documentation(element);
        node.AsyncBefore = context.Flag(element, BpmnNames.Cam("asyncBefore"), false, node.Id)
            || context.Flag(element, BpmnNames.Cam("async"), false, node.Id);
        node.AsyncAfter = context.Flag(element, BpmnNames.Cam("asyncAfter"), false, node.Id);
        node.Properties = CamundaExtensionReader.Properties(element);
        node.InputOutput = CamundaExtensionReader.InputOutput(element, node.Id, context);
        CamundaExtensionReader.ReportUnsupported(element, node.Id, context);
        if (ParseContext.Reference(element, "default") is { } defaultFlow)
        {
            context.Pending.Add(new PendingReference(PendingKind.DefaultFlow, node, defaultFlow, node.Line, Scope: null));
        }

        return node;
    }
}
