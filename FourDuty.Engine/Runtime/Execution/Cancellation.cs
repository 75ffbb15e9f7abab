using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Cancels tokens, scopes and instances with everything they own: open tasks, timers, subscriptions, jobs,
/// incidents, nested scopes and the instances their call activities started.
/// </summary>
internal sealed class Cancellation(StepContext step)
{
    public async ValueTask CancelTokenAsync(InstanceState instance, TokenRecord token)
    {
        await step.Waits.RemoveTokenWaitsAsync(instance, token);
        foreach (var owned in instance.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            await CancelScopeAsync(instance, owned);
        }

        if (token.CalledInstanceId is { } calledId && await step.LoadAsync(calledId) is { IsActive: true } called)
        {
            await CancelInstanceAsync(called, "its calling activity was cancelled");
        }

        step.History.Record(instance, HistoryEventType.ElementCancelled, token.ElementId, token.Id);
        instance.Tokens.Remove(token);
    }

    /// <summary>Cancels everything inside a scope, then removes the scope with its variables.</summary>
    public async ValueTask CancelScopeAsync(InstanceState instance, ScopeRecord scope)
    {
        await CancelContentsAsync(instance, scope);
        step.Scopes.Remove(instance, scope);
    }

    /// <summary>Cancels the tokens and nested scopes of a scope, and its event subprocesses' waits; the scope stays.</summary>
    public async ValueTask CancelContentsAsync(InstanceState instance, ScopeRecord scope)
    {
        foreach (var token in instance.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            await CancelTokenAsync(instance, token);
        }

        foreach (var child in instance.Scopes.Where(s => s.ParentScopeId == scope.Id && s.OwnerTokenId is null).ToList())
        {
            await CancelScopeAsync(instance, child);
        }

        step.Waits.RemoveScopeWaits(instance, scope.Id);
    }

    public async ValueTask CancelInstanceAsync(InstanceState instance, string reason)
    {
        if (!instance.IsActive)
        {
            return;
        }

        var root = instance.RootScope;
        await CancelContentsAsync(instance, root);
        foreach (var scope in instance.Scopes.Where(s => s.Id != root.Id).ToList())
        {
            step.Scopes.Remove(instance, scope);
        }

        instance.Instance.Status = InstanceStatus.Cancelled;
        instance.Instance.EndedAt = step.Now;
        instance.Instance.EndReason = reason;
        step.History.Record(instance, HistoryEventType.InstanceCancelled, details: System.Text.Json.JsonSerializer.Serialize(new { reason }));
    }
}
