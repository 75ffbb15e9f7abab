using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Flows arrive only where a token can arrive, and leave only where one can leave.</summary>
internal sealed class FlowDirectionRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        foreach (var node in process.AllFlowNodes)
        {
            var noIncoming = node switch
            {
                StartEvent => "a start event starts a path; nothing leads into it",
                BoundaryEvent => "a boundary event is triggered on its activity; nothing leads into it",
                IntermediateCatchEvent { Definition: LinkEventDefinition } => "a link catch is reached through its link throw",
                SubProcess { IsEventSubProcess: true } => "an event subprocess is started by its start event's trigger",
                _ => null,
            };
            if (noIncoming is not null && node.Incoming.Count > 0)
            {
                problems.Report(BpmnRules.IncomingNotAllowed, node,
                    $"'{node.Id}' has incoming sequence flows ({Ids(node.Incoming)}), but {noIncoming}. Remove them.");
            }

            var noOutgoing = node switch
            {
                EndEvent => "an end event ends a path",
                IntermediateThrowEvent { Definition: LinkEventDefinition } => "a link throw continues at its link catch",
                SubProcess { IsEventSubProcess: true } => "an event subprocess ends with its own end events",
                _ => null,
            };
            if (noOutgoing is not null && node.Outgoing.Count > 0)
            {
                problems.Report(BpmnRules.OutgoingNotAllowed, node,
                    $"'{node.Id}' has outgoing sequence flows ({Ids(node.Outgoing)}), but {noOutgoing}. Remove them.");
            }
        }
    }

    private static string Ids(IEnumerable<SequenceFlow> flows) => string.Join(", ", flows.Select(f => f.Id));
}
