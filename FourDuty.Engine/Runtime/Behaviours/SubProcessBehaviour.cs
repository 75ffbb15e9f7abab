using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Opens the subprocess's scope (with its event subprocesses listening) and starts a token at its start event;
/// the token at the subprocess waits, and leaves when the scope completes.
/// </summary>
internal sealed class SubProcessBehaviour : IFlowNodeBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        var subProcess = (SubProcess)execution.Node;
        var step = execution.Step;
        var scope = step.Scopes.Create(execution.Instance, execution.Token.ScopeId, ScopeKind.SubProcess, subProcess.Id, execution.Token.Id);
        var start = subProcess.StartEvents.Single();
        var token = step.Flow.NewToken(execution.Instance, scope.Id, start.Id);
        var inner = execution.For(token, start);
        step.Scopes.ListenForEventSubProcesses(inner, subProcess, scope);
        step.Flow.ScheduleEnter(inner);
        return ValueTask.CompletedTask;
    }
}
