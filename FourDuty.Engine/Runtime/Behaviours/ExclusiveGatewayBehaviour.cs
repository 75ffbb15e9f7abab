using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Takes the first outgoing flow, in document order, whose condition holds; else the default; else an incident.</summary>
internal sealed class ExclusiveGatewayBehaviour : IFlowNodeBehaviour, IFlowSelector
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        execution.Leave();
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<SequenceFlow> Select(Execution.Execution execution)
    {
        var gateway = execution.Node;
        foreach (var flow in gateway.Outgoing)
        {
            if (!flow.IsDefault && (flow.Condition is null || execution.IsTrue(flow.Condition, $"condition of sequence flow '{flow.Id}'")))
            {
                return [flow];
            }
        }

        return gateway.DefaultFlow is { } defaultFlow
            ? [defaultFlow]
            : throw new ExecutionFailure(IncidentCodes.NoOutgoingFlow,
                $"No outgoing sequence flow of exclusive gateway '{gateway.Id}' could be selected: every condition is false and there is no default flow. Fix the variables and retry, or add a default flow.");
    }
}
