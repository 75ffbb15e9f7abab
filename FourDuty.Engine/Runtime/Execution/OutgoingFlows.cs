using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// How a node other than a gateway leaves: every outgoing flow without a condition or whose condition holds;
/// if none, the default flow; a node with flows of which none can be taken is an incident.
/// </summary>
internal static class OutgoingFlows
{
    public static IReadOnlyList<SequenceFlow> Select(Execution execution)
    {
        var node = execution.Node;
        if (node.Outgoing.Count == 0)
        {
            return [];
        }

        var taken = new List<SequenceFlow>(node.Outgoing.Count);
        foreach (var flow in node.Outgoing)
        {
            if (!flow.IsDefault && (flow.Condition is null || execution.IsTrue(flow.Condition, $"condition of sequence flow '{flow.Id}'")))
            {
                taken.Add(flow);
            }
        }

        if (taken.Count == 0 && node.DefaultFlow is { } defaultFlow)
        {
            taken.Add(defaultFlow);
        }

        return taken.Count > 0
            ? taken
            : throw new ExecutionFailure(IncidentCodes.NoOutgoingFlow,
                $"No outgoing sequence flow of '{node.Id}' could be taken: every condition is false and there is no default flow. Fix the variables and retry, or add a default flow.");
    }
}
