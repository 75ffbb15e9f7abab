using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Reads the messages, signals, errors and escalations that events refer to.</summary>
internal static class RootElementReader
{
    public static void Read(XElement definitions, ParseContext context)
    {
        foreach (var element in definitions.Elements())
        {
            var line = ParseContext.LineOf(element);
            switch (element.Name.LocalName)
            {
                case "message" when element.Name.Namespace == BpmnNames.Model:
                    var messageId = context.IdOf(element);
                    context.Messages[messageId] = new BpmnMessage(messageId, RequireName(element, messageId, "message", context), line);
                    break;
                case "signal" when element.Name.Namespace == BpmnNames.Model:
                    var signalId = context.IdOf(element);
                    context.Signals[signalId] = new BpmnSignal(signalId, RequireName(element, signalId, "signal", context), line);
                    break;
                case "error" when element.Name.Namespace == BpmnNames.Model:
                    var errorId = context.IdOf(element);
                    context.Errors[errorId] = new BpmnError(errorId, ParseContext.Attribute(element, "name"),
                        ParseContext.Attribute(element, "errorCode"), line);
                    break;
                case "escalation" when element.Name.Namespace == BpmnNames.Model:
                    var escalationId = context.IdOf(element);
                    context.Escalations[escalationId] = new BpmnEscalation(escalationId, ParseContext.Attribute(element, "name"),
                        ParseContext.Attribute(element, "escalationCode"), line);
                    break;
            }
        }
    }

    // A nameless message or signal matters only where an event uses it; that event reports it.
    private static string RequireName(XElement element, string id, string kind, ParseContext context)
    {
        var name = ParseContext.Attribute(element, "name");
        if (name is not null)
        {
            return name;
        }

        context.Nameless.Add(id);
        return id;
    }
}
