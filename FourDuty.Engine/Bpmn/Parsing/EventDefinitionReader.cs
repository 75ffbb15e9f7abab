using System.Xml.Linq;
using FourDuty.Engine.Time;

namespace FourDuty.Engine.Bpmn.Parsing;

internal sealed class EventDefinitionReader(ParseContext context)
{
    public EventDefinition? Read(XElement definition, string eventId, string eventKind)
    {
        var line = ParseContext.LineOf(definition);
        var throws = eventKind is "endEvent" or "intermediateThrowEvent";
        switch (definition.Name.LocalName)
        {
            case "timerEventDefinition":
                return ReadTimer(definition, eventId, line);
            case "messageEventDefinition":
                var message = Resolve(definition, "messageRef", context.Messages, eventId, "message", required: !throws);
                return new MessageEventDefinition { Id = ParseContext.Attribute(definition, "id"), Line = line, Message = message };
            case "signalEventDefinition":
                var signal = Resolve(definition, "signalRef", context.Signals, eventId, "signal", required: true);
                return signal is null ? null : new SignalEventDefinition { Id = ParseContext.Attribute(definition, "id"), Line = line, Signal = signal };
            case "errorEventDefinition":
                return new ErrorEventDefinition
                {
                    Id = ParseContext.Attribute(definition, "id"),
                    Line = line,
                    Error = Resolve(definition, "errorRef", context.Errors, eventId, "error", required: throws),
                    ErrorCodeVariable = ParseContext.CamundaAttribute(definition, "errorCodeVariable"),
                    ErrorMessageVariable = ParseContext.CamundaAttribute(definition, "errorMessageVariable"),
                };
            case "escalationEventDefinition":
                return new EscalationEventDefinition
                {
                    Id = ParseContext.Attribute(definition, "id"),
                    Line = line,
                    Escalation = Resolve(definition, "escalationRef", context.Escalations, eventId, "escalation", required: throws),
                    EscalationCodeVariable = ParseContext.CamundaAttribute(definition, "escalationCodeVariable"),
                };
            case "terminateEventDefinition":
                return new TerminateEventDefinition { Id = ParseContext.Attribute(definition, "id"), Line = line };
            case "linkEventDefinition":
                var name = ParseContext.Attribute(definition, "name");
                if (name is null)
                {
                    context.Problems.Report(BpmnRules.MissingName, eventId, line,
                        $"The link of '{eventId}' has no name. Give the throw and its catch the same link name.");
                    return null;
                }

                return new LinkEventDefinition { Id = ParseContext.Attribute(definition, "id"), Line = line, LinkName = name };
            default:
                context.Unsupported(definition, eventId, definition.Name.LocalName switch
                {
                    "compensateEventDefinition" => "compensation is not supported; model the undo work as an explicit path after an error boundary event.",
                    "conditionalEventDefinition" => "conditional events are not supported; use a message or signal sent when the condition becomes true.",
                    "cancelEventDefinition" => "cancel events belong to transactions, which are not supported; use an error end event.",
                    _ => "this trigger is not supported.",
                });
                return null;
        }
    }

    private TimerEventDefinition? ReadTimer(XElement definition, string eventId, int line)
    {
        var values = new (string Element, TimerKind Kind)[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) }
            .Select(v => (v.Kind, Xml: definition.Element(BpmnNames.Bpmn(v.Element))))
            .Where(v => v.Xml is not null)
            .ToList();
        if (values.Count != 1)
        {
            context.Problems.Report(BpmnRules.TimerInvalid, eventId, line, values.Count == 0
                ? $"The timer of '{eventId}' has no value. Add one of timeDate (2027-01-05T09:00:00+08:00), timeDuration (P3D) or timeCycle (R3/PT1H)."
                : $"The timer of '{eventId}' has {values.Count} values; give exactly one of timeDate, timeDuration, timeCycle.");
            return null;
        }

        var (kind, xml) = values[0];
        var text = xml!.Value.Trim();
        var field = kind switch { TimerKind.Date => "timeDate", TimerKind.Duration => "timeDuration", _ => "timeCycle" };
        var expression = context.Expression(text, eventId, ParseContext.LineOf(xml), field);
        if (expression is null)
        {
            return null;
        }

        TimerSchedule? schedule = null;
        if (expression.IsLiteral && !TimerSchedule.TryParse(kind, text, out schedule, out var error))
        {
            context.Problems.Report(BpmnRules.TimerInvalid, eventId, ParseContext.LineOf(xml), $"The {field} of '{eventId}' is invalid: {error}.");
            return null;
        }

        return new TimerEventDefinition { Id = ParseContext.Attribute(definition, "id"), Line = line, Kind = kind, Value = expression, Schedule = schedule };
    }

    private T? Resolve<T>(XElement definition, string attribute, Dictionary<string, T> declared, string eventId, string kind, bool required)
        where T : class
    {
        var reference = ParseContext.Reference(definition, attribute);
        if (reference is null)
        {
            if (required)
            {
                context.Problems.Report(BpmnRules.DanglingReference, eventId, ParseContext.LineOf(definition),
                    $"The {kind} trigger of '{eventId}' has no {attribute}. Declare a <{kind}> under <definitions> and refer to it by id.");
            }

            return null;
        }

        if (declared.TryGetValue(reference, out var found))
        {
            if (context.Nameless.Contains(reference))
            {
                context.Problems.Report(BpmnRules.MissingName, eventId, ParseContext.LineOf(definition),
                    $"'{eventId}' uses the {kind} '{reference}', which has no name. Give the <{kind}> a name attribute: a {kind} is matched by name, not by id.");
            }

            return found;
        }

        context.Problems.Report(BpmnRules.DanglingReference, eventId, ParseContext.LineOf(definition),
            $"{attribute}=\"{reference}\" on '{eventId}' names no <{kind}> of this file{Suggest(reference, declared.Keys)}. Declare it under <definitions> or fix the reference.");
        return null;
    }

    internal static string Suggest(string reference, IEnumerable<string> candidates)
    {
        var known = candidates.ToList();
        return known.Count == 0 ? "" : $" (declared: {string.Join(", ", known.Take(8))}{(known.Count > 8 ? ", ..." : "")})";
    }
}
