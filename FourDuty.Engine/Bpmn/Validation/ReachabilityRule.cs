using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Warns about flow nodes that no token can ever reach: nearly always a drawing mistake.</summary>
internal sealed class ReachabilityRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        var reached = new HashSet<FlowNode>();
        var queue = new Queue<FlowNode>();
        void Reach(FlowNode node)
        {
            if (reached.Add(node))
            {
                queue.Enqueue(node);
            }
        }

        void EnterScope(IFlowScope scope)
        {
            foreach (var start in scope.FlowNodes.OfType<StartEvent>())
            {
                Reach(start);
            }

            foreach (var eventSubProcess in scope.EventSubProcesses)
            {
                Reach(eventSubProcess);
            }
        }

        EnterScope(process);
        while (queue.TryDequeue(out var node))
        {
            foreach (var flow in node.Outgoing)
            {
                Reach(flow.Target);
            }

            if (node is Activity activity)
            {
                foreach (var boundary in activity.BoundaryEvents)
                {
                    Reach(boundary);
                }
            }

            if (node is IFlowScope inner)
            {
                EnterScope(inner);
            }

            if (node is IntermediateThrowEvent { Definition: LinkEventDefinition link })
            {
                foreach (var target in node.Scope.FlowNodes.OfType<IntermediateCatchEvent>()
                    .Where(c => c.Definition is LinkEventDefinition l && l.LinkName == link.LinkName))
                {
                    Reach(target);
                }
            }
        }

        foreach (var node in process.AllFlowNodes.Where(n => !reached.Contains(n)))
        {
            problems.Report(BpmnRules.Unreachable, node,
                $"'{node.Id}' cannot be reached from any start event, so it never runs. Connect a sequence flow into it, or delete it.");
        }
    }
}
