using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Waits for its timer, message or signal; a link catch, reached by its throw, moves straight on.</summary>
internal sealed class IntermediateCatchEventBehaviour : IWaitBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        var catcher = (IntermediateCatchEvent)execution.Node;
        if (catcher.Definition is LinkEventDefinition)
        {
            execution.Leave();
        }
        else
        {
            EventWaits.Open(execution, catcher, execution.Token.Id);
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

/// <summary>Opens the wait of one catching event for a token: its timer or its subscription.</summary>
internal static class EventWaits
{
    public static void Open(Execution.Execution execution, Event catcher, Guid tokenId)
    {
        var waits = execution.Step.Waits;
        switch (catcher.Definition)
        {
            case TimerEventDefinition timer:
                waits.AddTimer(execution, timer, catcher.Id, tokenId, scopeId: null);
                break;
            case MessageEventDefinition { Message: { } message }:
                waits.AddSubscription(execution, SubscriptionKind.Message, message.Name, catcher.Id, catcher, tokenId, null);
                break;
            case SignalEventDefinition signal:
                waits.AddSubscription(execution, SubscriptionKind.Signal, signal.Signal.Name, catcher.Id, catcher, tokenId, null);
                break;
        }
    }
}
