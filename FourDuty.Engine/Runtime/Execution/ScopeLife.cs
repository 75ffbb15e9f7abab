using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Scopes start with their event subprocesses listening and end when nothing runs in them any more; then
/// whatever waits for them (the token at the subprocess, the caller of the process) goes on.
/// </summary>
internal sealed class ScopeLife(StepContext step)
{
    public ScopeRecord Create(InstanceState instance, Guid? parentScopeId, ScopeKind kind, string elementId, Guid? ownerTokenId)
    {
        var scope = new ScopeRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            ParentScopeId = parentScopeId,
            Kind = kind,
            ElementId = elementId,
            OwnerTokenId = ownerTokenId,
        };
        instance.Scopes.Add(scope);
        return scope;
    }

    /// <summary>Opens the waits of the event subprocesses of a process or subprocess scope.</summary>
    public void ListenForEventSubProcesses(Execution execution, IFlowScope element, ScopeRecord scope)
    {
        foreach (var eventSubProcess in element.EventSubProcesses)
        {
            var start = eventSubProcess.StartEvents.Single();
            switch (start.Definition)
            {
                case TimerEventDefinition timer:
                    step.Waits.AddTimer(execution, timer, start.Id, tokenId: null, scope.Id);
                    break;
                case MessageEventDefinition { Message: { } message }:
                    step.Waits.AddSubscription(execution, SubscriptionKind.Message, message.Name, start.Id, start, null, scope.Id);
                    break;
                case SignalEventDefinition signal:
                    step.Waits.AddSubscription(execution, SubscriptionKind.Signal, signal.Signal.Name, start.Id, start, null, scope.Id);
                    break;
            }
        }
    }

    public void Remove(InstanceState instance, ScopeRecord scope)
    {
        step.Waits.RemoveScopeWaits(instance, scope.Id);
        step.Variables.RemoveScope(instance, scope.Id);
        instance.Scopes.Remove(scope);
    }

    /// <summary>After a token left a scope: if nothing runs in the scope any more, the scope completes.</summary>
    public async ValueTask TokenGoneAsync(InstanceState instance, Guid scopeId)
    {
        var scope = instance.Scope(scopeId);
        if (scope is null || !IsIdle(instance, scope))
        {
            return;
        }

        await CompleteAsync(instance, scope);
    }

    private static bool IsIdle(InstanceState instance, ScopeRecord scope) =>
        !instance.Tokens.Any(t => t.ScopeId == scope.Id)
        && !instance.Scopes.Any(s => s.ParentScopeId == scope.Id && s.Kind == ScopeKind.EventSubProcess);

    private async ValueTask CompleteAsync(InstanceState instance, ScopeRecord scope)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                await CompleteInstanceAsync(instance, scope);
                break;
            case ScopeKind.SubProcess:
                Remove(instance, scope);
                if (instance.Token(scope.OwnerTokenId!.Value) is { } owner)
                {
                    var execution = await step.ExecutionAsync(instance, owner);
                    execution.Leave();
                }

                break;
            case ScopeKind.EventSubProcess:
                Remove(instance, scope);
                await TokenGoneAsync(instance, scope.ParentScopeId!.Value);
                break;
        }
    }

    private async ValueTask CompleteInstanceAsync(InstanceState instance, ScopeRecord root)
    {
        step.Waits.RemoveScopeWaits(instance, root.Id);
        foreach (var scope in instance.Scopes.Where(s => s.Id != root.Id).ToList())
        {
            Remove(instance, scope);
        }

        instance.Instance.Status = InstanceStatus.Completed;
        instance.Instance.EndedAt = step.Now;
        step.History.Record(instance, HistoryEventType.InstanceCompleted);
        await step.Events.NotifyCallerAsync(instance);
    }

    /// <summary>The innermost process or subprocess element a scope belongs to, for its event subprocesses.</summary>
    public static IFlowScope Element(ProcessDefinition definition, ScopeRecord scope) =>
        scope.Kind == ScopeKind.Process ? definition.Process : (IFlowScope)definition.Node(scope.ElementId);
}
