using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// The queue of what a step still has to do. Each operation belongs to one token; when an earlier operation
/// removed that token (an interrupting event, a terminate end), its later operations are skipped.
/// </summary>
internal sealed class Agenda
{
    private readonly Queue<Operation> _operations = new();

    public bool IsEmpty => _operations.Count == 0;

    public void Add(InstanceState instance, TokenRecord token, string elementId, IncidentPhase phase, Func<ValueTask> run) =>
        _operations.Enqueue(new Operation(instance, token, elementId, phase, run));

    public bool TryTake(out Operation operation) => _operations.TryDequeue(out operation!);
}

/// <summary>One thing to do for one token.</summary>
internal sealed record Operation(InstanceState Instance, TokenRecord Token, string ElementId, IncidentPhase Phase, Func<ValueTask> Run)
{
    public bool IsLive => Instance.IsActive && Instance.Tokens.Contains(Token);
}
