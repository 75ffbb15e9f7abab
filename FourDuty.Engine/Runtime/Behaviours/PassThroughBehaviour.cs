namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Start events, boundary events (once triggered), untyped and manual tasks: the token moves straight on.</summary>
internal sealed class PassThroughBehaviour : IFlowNodeBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        execution.Leave();
        return ValueTask.CompletedTask;
    }
}
