using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class LaneReader
{
    public static void Read(XElement laneSet, IFlowScope scope, Lane? parentLane, ParseContext context)
    {
        var process = Root(scope);
        foreach (var element in laneSet.Elements(BpmnNames.Bpmn("lane")))
        {
            var lane = new Lane
            {
                Id = context.IdOf(element),
                Name = ParseContext.Attribute(element, "name"),
                Line = ParseContext.LineOf(element),
                Documentation = ParseContext.Documentation(element),
                ParentLane = parentLane,
                Properties = CamundaExtensionReader.Properties(element),
            };
            process.LaneList.Add(lane);
            foreach (var member in element.Elements(BpmnNames.Bpmn("flowNodeRef")))
            {
                if (ParseContext.StripPrefix(ParseContext.NonBlank(member.Value)) is { } nodeId)
                {
                    context.Pending.Add(new PendingReference(PendingKind.LaneMember, lane, nodeId, ParseContext.LineOf(member), scope));
                }
            }

            foreach (var child in element.Elements(BpmnNames.Bpmn("childLaneSet")))
            {
                Read(child, scope, lane, context);
            }
        }
    }

    private static BpmnProcess Root(IFlowScope scope) =>
        scope as BpmnProcess ?? Root(scope.ParentScope ?? throw new InvalidOperationException("A scope without a process"));
}
