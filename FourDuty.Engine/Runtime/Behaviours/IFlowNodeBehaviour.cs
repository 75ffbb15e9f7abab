using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>What one kind of flow node does when a token arrives. One class per element kind.</summary>
internal interface IFlowNodeBehaviour
{
    ValueTask EnterAsync(Execution.Execution execution);
}

/// <summary>A node where the token waits until something happens (a task is completed, a timer fires, ...).</summary>
internal interface IWaitBehaviour : IFlowNodeBehaviour
{
    ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger);
}

/// <summary>A node that chooses its outgoing flows itself (gateways); others take every flow whose condition holds.</summary>
internal interface IFlowSelector
{
    IReadOnlyList<SequenceFlow> Select(Execution.Execution execution);
}
