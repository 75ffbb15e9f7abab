using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Forks on every outgoing flow whose condition holds (else the default), as every node does. As a join it waits while any other
/// token of its scope could still reach it, then merges every token that arrived.
/// </summary>
internal sealed class InclusiveGatewayBehaviour : IFlowNodeBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        if (execution.Node.Incoming.Count <= 1)
        {
            execution.Leave();
            return ValueTask.CompletedTask;
        }

        execution.Token.Status = TokenStatus.Joining;
        execution.Step.Flow.NoteInclusiveJoin(execution.Instance);
        return ValueTask.CompletedTask;
    }

    /// <summary>Fires the join if no other token of the scope can still reach it.</summary>
    public static void TryRelease(Execution.Execution execution)
    {
        var gateway = execution.Node;
        var scopeTokens = execution.Instance.Tokens.Where(t => t.ScopeId == execution.Token.ScopeId).ToList();
        var arrived = scopeTokens.Where(t => t.Status == TokenStatus.Joining && t.ElementId == gateway.Id).ToList();
        var stillComing = scopeTokens.Except(arrived)
            .Any(t => execution.Definition.CanReach(execution.Definition.Node(t.ElementId), gateway));
        if (stillComing)
        {
            return;
        }

        foreach (var token in arrived.Where(t => t != execution.Token))
        {
            execution.Step.Flow.Merge(execution.Instance, token);
        }

        execution.Token.Status = TokenStatus.Waiting;
        execution.Leave();
    }
}
