using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Forks on every outgoing flow. As a join it waits until a token has arrived on each incoming flow — the
/// spec's rule; Camunda 7 only counts arrivals, which differs when one flow delivers two tokens first.
/// </summary>
internal sealed class ParallelGatewayBehaviour : IFlowNodeBehaviour, IFlowSelector
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        var gateway = execution.Node;
        if (gateway.Incoming.Count <= 1)
        {
            execution.Leave();
            return ValueTask.CompletedTask;
        }

        execution.Token.Status = TokenStatus.Joining;
        var arrived = execution.Instance.Tokens
            .Where(t => t.Status == TokenStatus.Joining && t.ScopeId == execution.Token.ScopeId && t.ElementId == gateway.Id)
            .ToList();
        var onePerFlow = new List<TokenRecord>();
        foreach (var flow in gateway.Incoming)
        {
            // Prefer the token that just arrived for its own flow; otherwise the earliest waiting one.
            var token = arrived.Contains(execution.Token) && execution.Token.ArrivedVia == flow.Id
                ? execution.Token
                : arrived.FirstOrDefault(t => t.ArrivedVia == flow.Id);
            if (token is null)
            {
                return ValueTask.CompletedTask;
            }

            onePerFlow.Add(token);
        }

        foreach (var token in onePerFlow.Where(t => t != execution.Token))
        {
            execution.Step.Flow.Merge(execution.Instance, token);
        }

        execution.Token.Status = TokenStatus.Waiting;
        execution.Leave();
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<SequenceFlow> Select(Execution.Execution execution) => execution.Node.Outgoing;
}
