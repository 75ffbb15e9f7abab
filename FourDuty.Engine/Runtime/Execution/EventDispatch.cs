using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Behaviours;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Time;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Delivers what arrives from outside a token's own path — timers, messages, signals, the end of a called
/// instance — to whoever waits for it: the token's own element, a boundary event on it, an event-based gateway,
/// or an event subprocess of a scope.
/// </summary>
internal sealed class EventDispatch(StepContext step)
{
    public async ValueTask FireTimerAsync(InstanceState instance, TimerRecord timer)
    {
        var definition = await step.DefinitionOfAsync(instance);
        var node = definition.Node(timer.ElementId);
        step.History.Record(instance, HistoryEventType.TimerFired, timer.ElementId, timer.TokenId, timer.Id);
        timer.FiredCount++;
        if (KeepsListening(node) && NextDue(node, timer) is { } next)
        {
            timer.DueAt = next;
            step.NewTimers.Add(timer);
        }
        else
        {
            instance.Timers.Remove(timer);
        }

        await DeliverAsync(instance, definition, node, timer.TokenId, timer.ScopeId, new TimerFired(timer));
    }

    public async ValueTask ReceiveAsync(InstanceState instance, SubscriptionRecord subscription, IReadOnlyDictionary<string, VariableValue> variables)
    {
        var definition = await step.DefinitionOfAsync(instance);
        var node = definition.Node(subscription.ElementId);
        step.History.Record(instance, subscription.Kind == SubscriptionKind.Message ? HistoryEventType.MessageCorrelated : HistoryEventType.SignalReceived,
            subscription.ElementId, subscription.TokenId, subscription.Id, System.Text.Json.JsonSerializer.Serialize(new { name = subscription.Name }));
        if (!KeepsListening(node))
        {
            instance.Subscriptions.Remove(subscription);
        }

        await DeliverAsync(instance, definition, node, subscription.TokenId, subscription.ScopeId, new EventReceived(subscription, variables));
    }

    /// <summary>The called instance ended: its caller's token leaves the call activity.</summary>
    public async ValueTask NotifyCallerAsync(InstanceState called)
    {
        if (called.Instance.ParentInstanceId is not { } parentId || await step.LoadAsync(parentId) is not { IsActive: true } parent
            || parent.Token(called.Instance.ParentTokenId!.Value) is not { } token)
        {
            return;
        }

        var execution = await step.ExecutionAsync(parent, token);
        step.Agenda.Add(parent, token, token.ElementId, IncidentPhase.Leave,
            () => ((IWaitBehaviour)step.Services.Behaviours.For(execution.Node)).TriggerAsync(execution, new CalledInstanceEnded(called)));
    }

    private async ValueTask DeliverAsync(InstanceState instance, ProcessDefinition definition, FlowNode node, Guid? tokenId, Guid? scopeId, Trigger trigger)
    {
        if (scopeId is { } id)
        {
            if (instance.Scope(id) is { } scope)
            {
                await StartEventSubProcessAsync(instance, definition, scope, (StartEvent)node, trigger.Variables);
            }

            return;
        }

        if (tokenId is null || instance.Token(tokenId.Value) is not { } token)
        {
            return;
        }

        var execution = new Execution(step, instance, definition, token, definition.Node(token.ElementId));
        if (node is BoundaryEvent boundary)
        {
            step.Variables.Set(instance, token, trigger.Variables);
            await CatchAtBoundaryAsync(execution, boundary, NoVariables.Instance);
            return;
        }

        step.Agenda.Add(instance, token, token.ElementId, IncidentPhase.Leave,
            () => ((IWaitBehaviour)step.Services.Behaviours.For(execution.Node)).TriggerAsync(execution, trigger));
    }

    /// <summary>A boundary event caught something while its activity ran: interrupting ones cancel the activity first.</summary>
    public async ValueTask CatchAtBoundaryAsync(Execution activity, BoundaryEvent boundary, IReadOnlyDictionary<string, VariableValue> variables)
    {
        var scopeId = activity.Token.ScopeId;
        if (boundary.CancelActivity)
        {
            await step.Cancellation.CancelTokenAsync(activity.Instance, activity.Token);
        }

        var token = step.Flow.NewToken(activity.Instance, scopeId, boundary.Id);
        step.Variables.Set(activity.Instance, token, variables);
        step.Flow.ScheduleEnter(activity.For(token, boundary));
    }

    /// <summary>Starts an event subprocess of a scope; an interrupting one first cancels everything in the scope.</summary>
    public async ValueTask StartEventSubProcessAsync(InstanceState instance, ProcessDefinition definition, ScopeRecord scope, StartEvent start,
        IReadOnlyDictionary<string, VariableValue> variables)
    {
        if (start.IsInterrupting)
        {
            await step.Cancellation.CancelContentsAsync(instance, scope);
        }

        var eventSubProcess = (SubProcess)start.Scope;
        var inner = step.Scopes.Create(instance, scope.Id, ScopeKind.EventSubProcess, eventSubProcess.Id, ownerTokenId: null);
        step.History.Record(instance, HistoryEventType.ElementEntered, eventSubProcess.Id);
        var token = step.Flow.NewToken(instance, inner.Id, start.Id);
        var execution = new Execution(step, instance, definition, token, start);
        step.Variables.Set(instance, token, variables);
        step.Scopes.ListenForEventSubProcesses(execution, eventSubProcess, inner);
        step.Flow.ScheduleEnter(execution);
    }

    // Non-interrupting boundary events and event subprocesses keep their wait open for the next occurrence.
    private static bool KeepsListening(FlowNode node) => node switch
    {
        BoundaryEvent boundary => !boundary.CancelActivity,
        StartEvent start => !start.IsInterrupting,
        _ => false,
    };

    private DateTimeOffset? NextDue(FlowNode node, TimerRecord timer)
    {
        var definition = (node as Event)?.Definition as TimerEventDefinition;
        var schedule = timer.Cycle is { } cycle && TimerSchedule.TryParse(TimerKind.Cycle, cycle, out var evaluated, out _)
            ? evaluated
            : definition?.Schedule;
        return definition?.Kind == TimerKind.Cycle ? schedule?.NextDue(timer.DueAt, timer.FiredCount, step.Services.Zone) : null;
    }
}
