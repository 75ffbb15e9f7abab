using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Reads start, end, intermediate and boundary events, and checks that each carries a trigger it may have.</summary>
internal sealed class EventReader(ParseContext context)
{
    private readonly EventDefinitionReader _definitions = new(context);

    public Event Read(XElement element, IFlowScope scope)
    {
        var definition = ReadDefinition(element);
        var hasTrigger = element.Elements().Any(e => e.Name.Namespace == BpmnNames.Model
            && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"));
        Event node = element.Name.LocalName switch
        {
            "startEvent" => new StartEvent
            {
                Definition = definition,
                HasTriggerElement = hasTrigger,
                IsInterrupting = context.Flag(element, "isInterrupting", true, ParseContext.Attribute(element, "id") ?? ""),
                Initiator = ParseContext.CamundaAttribute(element, "initiator"),
                FormKey = ParseContext.CamundaAttribute(element, "formKey"),
            },
            "endEvent" => new EndEvent { Definition = definition, HasTriggerElement = hasTrigger },
            "intermediateCatchEvent" => new IntermediateCatchEvent { Definition = definition, HasTriggerElement = hasTrigger },
            "intermediateThrowEvent" => new IntermediateThrowEvent { Definition = definition, HasTriggerElement = hasTrigger },
            _ => new BoundaryEvent
            {
                Definition = definition,
                HasTriggerElement = hasTrigger,
                CancelActivity = context.Flag(element, "cancelActivity", true, ParseContext.Attribute(element, "id") ?? ""),
            },
        };
        FlowNodeBasics.Read(node, element, context);
        if (node is BoundaryEvent boundary)
        {
            if (ParseContext.Reference(element, "attachedToRef") is { } host)
            {
                context.Pending.Add(new PendingReference(PendingKind.AttachedTo, boundary, host, node.Line, scope));
            }
            else
            {
                context.Problems.Report(BpmnRules.BoundaryAttachment, node,
                    $"Boundary event '{node.Id}' has no attachedToRef. Attach it to the activity whose events it catches.");
            }
        }

        CheckTrigger(node, scope);
        return node;
    }

    private EventDefinition? ReadDefinition(XElement element)
    {
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnNames.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .ToList();
        var id = ParseContext.Attribute(element, "id") ?? element.Name.LocalName;
        if (element.Element(BpmnNames.Bpmn("eventDefinitionRef")) is { } reference)
        {
            context.Unsupported(reference, id, "shared event definitions (eventDefinitionRef) are not supported; put the definition inside the event.");
        }

        if (definitions.Count > 1)
        {
            context.Unsupported(element, id,
                $"it has {definitions.Count} triggers ({string.Join(", ", definitions.Select(d => d.Name.LocalName))}); multiple and parallel-multiple events are not supported. Use an event-based gateway, or one event per trigger.");
            return null;
        }

        return definitions.Count == 1 ? _definitions.Read(definitions[0], id, element.Name.LocalName) : null;
    }

    private void CheckTrigger(Event node, IFlowScope scope)
    {
        var allowed = AllowedTriggers(node, scope);
        var trigger = TriggerName(node.Definition);
        if (node is { Definition: null, HasTriggerElement: true })
        {
            return; // A trigger that could not be read or is not supported, already reported.
        }

        if (!allowed.Contains(trigger))
        {
            var where = node is StartEvent ? StartPlace(scope) : "";
            context.Problems.Report(BpmnRules.TriggerNotAllowed, node,
                $"{Describe(node)} '{node.Id}'{where} cannot be {(trigger is "error" or "escalation" ? "an" : "a")} {trigger} event. Allowed here: {string.Join(", ", allowed)}.");
        }
    }

    private static IReadOnlyList<string> AllowedTriggers(Event node, IFlowScope scope) => node switch
    {
        StartEvent when scope is SubProcess { IsEventSubProcess: true } => ["timer", "message", "signal", "error", "escalation"],
        StartEvent when scope is SubProcess => ["none"],
        StartEvent => ["none", "timer", "message", "signal"],
        EndEvent => ["none", "terminate", "error", "escalation", "message", "signal"],
        IntermediateCatchEvent => ["timer", "message", "signal", "link"],
        IntermediateThrowEvent => ["none", "message", "signal", "escalation", "link"],
        _ => ["timer", "message", "signal", "error", "escalation"],
    };

    private static string TriggerName(EventDefinition? definition) => definition switch
    {
        null => "none",
        TimerEventDefinition => "timer",
        MessageEventDefinition => "message",
        SignalEventDefinition => "signal",
        ErrorEventDefinition => "error",
        EscalationEventDefinition => "escalation",
        TerminateEventDefinition => "terminate",
        _ => "link",
    };

    private static string Describe(Event node) => node switch
    {
        StartEvent => "Start event",
        EndEvent => "End event",
        IntermediateCatchEvent => "Intermediate catch event",
        IntermediateThrowEvent => "Intermediate throw event",
        _ => "Boundary event",
    };

    private static string StartPlace(IFlowScope scope) => scope switch
    {
        SubProcess { IsEventSubProcess: true } => " (in an event subprocess)",
        SubProcess => " (in an embedded subprocess, which is started by its incoming flow)",
        _ => " (of a process)",
    };
}
