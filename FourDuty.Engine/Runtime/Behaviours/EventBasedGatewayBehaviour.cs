using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Waits for the first of the events after it: every timer and subscription belongs to the gateway's token and
/// names its event; the first to arrive withdraws the others and moves the token through its event.
/// </summary>
internal sealed class EventBasedGatewayBehaviour : IWaitBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        foreach (var flow in execution.Node.Outgoing)
        {
            switch (flow.Target)
            {
                case IntermediateCatchEvent catcher:
                    EventWaits.Open(execution, catcher, execution.Token.Id);
                    break;
                case ReceiveTask { Message: { } message } receive:
                    execution.Step.Waits.AddSubscription(execution, SubscriptionKind.Message, message.Name, receive.Id, receive, execution.Token.Id, null);
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        var eventId = trigger switch
        {
            TimerFired fired => fired.Timer.ElementId,
            EventReceived received => received.Subscription.ElementId,
            _ => throw new InvalidOperationException($"An event-based gateway cannot be resumed by {trigger.GetType().Name}."),
        };
        var step = execution.Step;
        await step.Waits.RemoveTokenWaitsAsync(execution.Instance, execution.Token);
        step.History.Record(execution.Instance, HistoryEventType.ElementLeft, execution.Node.Id, execution.Token.Id);
        var target = execution.Definition.Node(eventId);
        execution.Token.ElementId = target.Id;
        step.History.Record(execution.Instance, HistoryEventType.ElementEntered, target.Id, execution.Token.Id);
        step.Variables.Set(execution.Instance, execution.Token, trigger.Variables);
        execution.For(execution.Token, target).Leave();
    }
}
