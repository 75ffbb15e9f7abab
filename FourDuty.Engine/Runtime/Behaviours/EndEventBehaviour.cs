using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Ends the token; terminate ends its whole scope; error, escalation, message and signal throw on the way out.</summary>
internal sealed class EndEventBehaviour : IFlowNodeBehaviour
{
    public async ValueTask EnterAsync(Execution.Execution execution)
    {
        var step = execution.Step;
        switch (((Event)execution.Node).Definition)
        {
            case TerminateEventDefinition:
                await TerminateAsync(execution);
                return;
            case ErrorEventDefinition { Error: { } error }:
                await step.Throwing.ThrowErrorAsync(execution, EventThrowing.CodeOf(error), error.Name);
                return;
            case EscalationEventDefinition { Escalation: { } escalation }:
                await step.Throwing.ThrowEscalationAsync(execution, EventThrowing.CodeOf(escalation));
                break;
            default:
                await ThrowEvents.ThrowAsync(execution);
                break;
        }

        if (execution.Instance.Tokens.Contains(execution.Token))
        {
            step.History.Record(execution.Instance, State.HistoryEventType.ElementLeft, execution.Node.Id, execution.Token.Id);
            await step.Flow.EndAsync(execution.Instance, execution.Token);
        }
    }

    // Terminate ends every token of the scope at once, then the scope completes normally.
    private static async ValueTask TerminateAsync(Execution.Execution execution)
    {
        var step = execution.Step;
        var instance = execution.Instance;
        var scope = instance.Scope(execution.Token.ScopeId)!;
        foreach (var token in instance.Tokens.Where(t => t.ScopeId == scope.Id && t.Id != execution.Token.Id).ToList())
        {
            await step.Cancellation.CancelTokenAsync(instance, token);
        }

        foreach (var child in instance.Scopes.Where(s => s.ParentScopeId == scope.Id && s.OwnerTokenId is null).ToList())
        {
            await step.Cancellation.CancelScopeAsync(instance, child);
        }

        await step.Flow.EndAsync(instance, execution.Token);
    }
}
