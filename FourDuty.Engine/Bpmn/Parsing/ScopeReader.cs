using System.Collections.Frozen;
using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>
/// Reads the contents of a process or subprocess, handing each element to the reader for its kind. Elements
/// that do not run are skipped, with a warning where a designer could think they do.
/// </summary>
internal sealed class ScopeReader
{
    // The loop characteristics of a subprocess are its own, read with it as an activity.
    private static readonly FrozenSet<string> Quiet = new HashSet<string>
    {
        "documentation", "extensionElements", "incoming", "outgoing", "textAnnotation", "association", "group",
        "property", "auditing", "monitoring", "dataInput", "dataOutput", "inputSet", "outputSet",
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    }.ToFrozenSet();

    private static readonly FrozenDictionary<string, string> NotExecuted = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dataObject"] = "data objects are not created as variables; use process variables",
        ["dataObjectReference"] = "data objects are not created as variables; use process variables",
        ["dataStoreReference"] = "data stores are drawn only; a service task reads or writes the store",
        ["ioSpecification"] = "data inputs and outputs are not mapped; use camunda:inputOutput",
        ["dataInputAssociation"] = "data associations are not executed; use camunda:inputOutput",
        ["dataOutputAssociation"] = "data associations are not executed; use camunda:inputOutput",
        ["performer"] = "resource roles do not assign tasks; use camunda:assignee or camunda:candidateGroups",
        ["humanPerformer"] = "resource roles do not assign tasks; use camunda:assignee or camunda:candidateGroups",
        ["potentialOwner"] = "resource roles do not assign tasks; use camunda:assignee or camunda:candidateGroups",
        ["resourceRole"] = "resource roles do not assign tasks; use camunda:assignee or camunda:candidateGroups",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> UnsupportedNodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["businessRuleTask"] = "business rule tasks (DMN decisions) are not supported yet; use a service task with a handler, or an exclusive gateway",
        ["complexGateway"] = "complex gateways have no agreed execution semantics; use an inclusive or exclusive gateway",
        ["transaction"] = "transactions (and their compensation) are not supported; use a subprocess with an error boundary event",
        ["adHocSubProcess"] = "ad-hoc subprocesses are not supported; use a subprocess with parallel user tasks",
        ["callChoreography"] = "choreographies are descriptive and cannot run",
        ["subChoreography"] = "choreographies are descriptive and cannot run",
        ["choreographyTask"] = "choreographies are descriptive and cannot run",
        ["implicitThrowEvent"] = "implicit throw events are not supported",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ParseContext _context;
    private readonly EventReader _events;
    private readonly ActivityReader _activities;

    public ScopeReader(ParseContext context)
    {
        _context = context;
        _events = new EventReader(context);
        _activities = new ActivityReader(context, this);
    }

    public void Read(XElement scopeXml, IFlowScope scope, IScopeContents contents)
    {
        foreach (var element in scopeXml.Elements())
        {
            if (element.Name.Namespace != BpmnNames.Model)
            {
                continue;
            }

            var name = element.Name.LocalName;
            if (name == "sequenceFlow")
            {
                contents.Flows.Add(SequenceFlowReader.Read(element, scope, _context));
            }
            else if (name == "laneSet")
            {
                LaneReader.Read(element, scope, parentLane: null, _context);
            }
            else if (ReadNode(element, scope) is { } node)
            {
                node.Scope = scope;
                if (node is SubProcess { IsEventSubProcess: true } eventSubProcess)
                {
                    contents.EventScopes.Add(eventSubProcess);
                }
                else
                {
                    contents.Nodes.Add(node);
                }

                if (!_context.Nodes.TryAdd(node.Id, node))
                {
                    // Reported by the duplicate-id check, which sees every element of the file.
                }
            }
            else if (!ReportNotExecuted(element, scope.Id) && !Quiet.Contains(name))
            {
                _context.Problems.Report(BpmnRules.NotExecuted, ParseContext.Attribute(element, "id") ?? scope.Id,
                    ParseContext.LineOf(element), $"{Describe(element, scope.Id)} is not a BPMN element FourDuty knows here; it is ignored.");
            }
        }
    }

    /// <summary>
    /// Warns about the children of a task or call activity that a designer could think run: data associations and
    /// resource roles (a potentialOwner does not assign the task). A subprocess's children are read as a scope.
    /// </summary>
    public void ReportIgnoredChildren(XElement activity, string activityId)
    {
        foreach (var child in activity.Elements().Where(e => e.Name.Namespace == BpmnNames.Model))
        {
            ReportNotExecuted(child, activityId);
        }
    }

    private bool ReportNotExecuted(XElement element, string ownerId)
    {
        if (!NotExecuted.TryGetValue(element.Name.LocalName, out var reason))
        {
            return false;
        }

        _context.Problems.Report(BpmnRules.NotExecuted, ParseContext.Attribute(element, "id") ?? ownerId, ParseContext.LineOf(element),
            $"{Describe(element, ownerId)} is ignored: {reason}.");
        return true;
    }

    // Names the element by its own id, or by the element it belongs to when it has none (an ioSpecification rarely has one).
    private static string Describe(XElement element, string ownerId) =>
        ParseContext.Attribute(element, "id") is { } id
            ? $"<{element.Name.LocalName}> '{id}'"
            : $"<{element.Name.LocalName}> of '{ownerId}'";

    // An element that cannot run still takes part in the graph, so that its flows do not turn into a cascade of
    // dangling references: one clear problem per element.
    private UnsupportedElement ReadUnsupported(XElement element, string reason)
    {
        var node = FlowNodeBasics.Read(new UnsupportedElement { ElementName = element.Name.LocalName }, element, _context);
        _context.Unsupported(element, node.Id, reason + ".");
        return node;
    }

    private FlowNode? ReadNode(XElement element, IFlowScope scope) => element.Name.LocalName switch
    {
        "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent"
            => _events.Read(element, scope),
        "exclusiveGateway" or "parallelGateway" or "inclusiveGateway" or "eventBasedGateway"
            => GatewayReader.Read(element, _context),
        "task" or "userTask" or "serviceTask" or "sendTask" or "receiveTask" or "scriptTask" or "manualTask"
            or "subProcess" or "callActivity"
            => _activities.Read(element, scope),
        _ when UnsupportedNodes.TryGetValue(element.Name.LocalName, out var reason) => ReadUnsupported(element, reason),
        _ => null,
    };
}
