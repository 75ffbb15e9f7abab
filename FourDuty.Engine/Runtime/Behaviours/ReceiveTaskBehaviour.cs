using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Waits for its message; without one, it waits until an explicit trigger resumes the token.</summary>
internal sealed class ReceiveTaskBehaviour : IWaitBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        if (((ReceiveTask)execution.Node).Message is { } message)
        {
            execution.Step.Waits.AddSubscription(execution, SubscriptionKind.Message, message.Name, execution.Node.Id, execution.Node, execution.Token.Id, null);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        execution.Step.Variables.Set(execution.Instance, execution.Token, trigger.Variables);
        execution.Leave();
        return ValueTask.CompletedTask;
    }
}
