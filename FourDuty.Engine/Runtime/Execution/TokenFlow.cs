using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Behaviours;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Moves tokens: into a flow node, out of it along the chosen sequence flows, and out of existence. What a
/// node does is its behaviour's business; this class knows no element kinds, only what every activity may
/// carry (multi-instance, boundary events, input and output parameters, asynchronous continuations).
/// </summary>
internal sealed class TokenFlow(StepContext step)
{
    private readonly HashSet<InstanceState> _joining = [];

    public void ScheduleEnter(Execution execution, bool skipAsync = false) =>
        step.Agenda.Add(execution.Instance, execution.Token, execution.Node.Id, IncidentPhase.Enter, () => EnterAsync(execution, skipAsync));

    public void ScheduleLeave(Execution execution, bool skipAsync = false) =>
        step.Agenda.Add(execution.Instance, execution.Token, execution.Node.Id, IncidentPhase.Leave, () => LeaveAsync(execution, skipAsync));

    private async ValueTask EnterAsync(Execution execution, bool skipAsync)
    {
        var (instance, token, node) = (execution.Instance, execution.Token, execution.Node);
        token.ElementId = node.Id;
        token.Status = TokenStatus.Waiting;
        if (!skipAsync)
        {
            step.History.Record(instance, HistoryEventType.ElementEntered, node.Id, token.Id);
        }

        var inner = MultiInstanceBody.IsInnerToken(execution);
        if (node is Activity { MultiInstance: not null } && !inner)
        {
            await MultiInstanceBody.EnterAsync(execution);
            return;
        }

        if (node.AsyncBefore && !skipAsync)
        {
            step.Waits.AddJob(instance, token, node.Id, JobKind.Continuation, AsyncContinuation.Before);
            return;
        }

        if (!inner)
        {
            BoundaryWaits.Open(execution);
        }

        ParameterMapping.ApplyInputs(execution);
        await step.Services.Behaviours.For(node).EnterAsync(execution);
    }

    private async ValueTask LeaveAsync(Execution execution, bool skipAsync)
    {
        var (instance, token, node) = (execution.Instance, execution.Token, execution.Node);
        if (!skipAsync)
        {
            ParameterMapping.ApplyOutputs(execution);
            await step.Waits.RemoveTokenWaitsAsync(instance, token);
            if (MultiInstanceBody.IsInnerToken(execution))
            {
                await MultiInstanceBody.InstanceDoneAsync(execution);
                return;
            }

            if (node.AsyncAfter)
            {
                step.Waits.AddJob(instance, token, node.Id, JobKind.Continuation, AsyncContinuation.After);
                return;
            }
        }

        step.History.Record(instance, HistoryEventType.ElementLeft, node.Id, token.Id);
        var behaviour = step.Services.Behaviours.For(node);
        var flows = behaviour is IFlowSelector selector ? selector.Select(execution) : OutgoingFlows.Select(execution);
        await TakeAsync(execution, flows);
    }

    /// <summary>Sends the token along each flow (forking for more than one), or ends it when there are none.</summary>
    public async ValueTask TakeAsync(Execution execution, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            await EndAsync(execution.Instance, execution.Token);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var token = i == 0 ? execution.Token : NewToken(execution.Instance, execution.Token.ScopeId, flows[i].Source.Id);
            token.ArrivedVia = flows[i].Id;
            step.History.Record(execution.Instance, HistoryEventType.FlowTaken, flows[i].Id, token.Id);
            ScheduleEnter(execution.For(token, flows[i].Target));
        }
    }

    public TokenRecord NewToken(InstanceState instance, Guid scopeId, string elementId)
    {
        var token = new TokenRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            ScopeId = scopeId,
            ElementId = elementId,
            Status = TokenStatus.Waiting,
        };
        instance.Tokens.Add(token);
        return token;
    }

    /// <summary>The token has nowhere to go: it is consumed, and its scope may complete.</summary>
    public async ValueTask EndAsync(InstanceState instance, TokenRecord token)
    {
        await step.Waits.RemoveTokenWaitsAsync(instance, token);
        instance.Tokens.Remove(token);
        await step.Scopes.TokenGoneAsync(instance, token.ScopeId);
    }

    /// <summary>Removes a token that merged into another at a join.</summary>
    public void Merge(InstanceState instance, TokenRecord token) => instance.Tokens.Remove(token);

    /// <summary>Remembers an instance that has tokens waiting at an inclusive join, to be looked at when the agenda runs dry.</summary>
    public void NoteInclusiveJoin(InstanceState instance) => _joining.Add(instance);

    /// <summary>
    /// Releases inclusive joins that no other token can still reach: checked when nothing else is left to do,
    /// because any earlier the token that could still arrive might be just about to.
    /// </summary>
    public async ValueTask ReleaseInclusiveJoinsAsync()
    {
        foreach (var instance in _joining.ToList())
        {
            var joining = instance.Tokens.Where(t => t.Status == TokenStatus.Joining).ToList();
            if (joining.Count == 0)
            {
                _joining.Remove(instance);
                continue;
            }

            var definition = await step.DefinitionOfAsync(instance);
            foreach (var token in joining.Where(t => instance.Tokens.Contains(t) && definition.Node(t.ElementId) is InclusiveGateway))
            {
                InclusiveGatewayBehaviour.TryRelease(new Execution(step, instance, definition, token, definition.Node(token.ElementId)));
            }
        }
    }
}

/// <summary>What an asynchronous continuation job resumes.</summary>
internal static class AsyncContinuation
{
    public const string Before = "before";
    public const string After = "after";
}
