using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Opens the timers and subscriptions of an activity's boundary events when a token enters it; they belong to
/// that token and go when it leaves. Error and escalation boundaries need no wait: they are found in the model
/// when something is thrown.
/// </summary>
internal static class BoundaryWaits
{
    public static void Open(Execution execution)
    {
        if (execution.Node is not Activity activity)
        {
            return;
        }

        var waits = execution.Step.Waits;
        foreach (var boundary in activity.BoundaryEvents)
        {
            switch (boundary.Definition)
            {
                case TimerEventDefinition timer:
                    waits.AddTimer(execution, timer, boundary.Id, execution.Token.Id, scopeId: null);
                    break;
                case MessageEventDefinition { Message: { } message }:
                    waits.AddSubscription(execution, SubscriptionKind.Message, message.Name, boundary.Id, boundary, execution.Token.Id, null);
                    break;
                case SignalEventDefinition signal:
                    waits.AddSubscription(execution, SubscriptionKind.Signal, signal.Signal.Name, boundary.Id, boundary, execution.Token.Id, null);
                    break;
            }
        }
    }
}
