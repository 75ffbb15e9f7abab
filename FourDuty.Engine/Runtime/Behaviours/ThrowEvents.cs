using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>What message and signal throw events (intermediate or end) send.</summary>
internal static class ThrowEvents
{
    public static async ValueTask ThrowAsync(Execution.Execution execution)
    {
        var step = execution.Step;
        switch (((Event)execution.Node).Definition)
        {
            case SignalEventDefinition signal:
                await step.Throwing.BroadcastSignalAsync(signal.Signal.Name, Execution.NoVariables.Instance);
                break;
            case MessageEventDefinition { Message: { } message }:
                await SendMessageAsync(execution, message.Name);
                break;
        }
    }

    /// <summary>
    /// Sends a message to a waiting party in this engine; with no receiver it is recorded and dropped. The throw event's
    /// input parameters (<c>camunda:inputOutput</c>) are the message's payload: they become variables of the instance the
    /// message starts or reaches, as a message sent through the API carries its variables.
    /// </summary>
    public static async ValueTask SendMessageAsync(Execution.Execution execution, string name)
    {
        var key = execution.Node.Properties.TryGetValue("correlationKey", out var keyText)
            ? execution.Text(Expressions.Expression.Parse(keyText), "correlationKey")
            : null;
        try
        {
            await execution.Step.Throwing.CorrelateMessageAsync(name, key, Payload(execution));
        }
        catch (EngineException exception)
        {
            execution.Step.History.Record(execution.Instance, State.HistoryEventType.MessageCorrelated, execution.Node.Id, execution.Token.Id,
                details: System.Text.Json.JsonSerializer.Serialize(new { name, delivered = false, reason = exception.Message }));
        }
    }

    // The input parameters were set as local variables of the event's own scope when the token entered it.
    private static IReadOnlyDictionary<string, Variables.VariableValue> Payload(Execution.Execution execution)
    {
        if (execution.Node.InputOutput is not { Inputs.Count: > 0 } mapping)
        {
            return Execution.NoVariables.Instance;
        }

        var instance = execution.Instance;
        var own = instance.Scopes.FirstOrDefault(s => s.Kind == State.ScopeKind.Activity && s.OwnerTokenId == execution.Token.Id);
        var names = mapping.Inputs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return own is null
            ? Execution.NoVariables.Instance
            : instance.Variables.Where(v => v.ScopeId == own.Id && names.Contains(v.Name))
                .ToDictionary(v => v.Name, v => Variables.VariableValue.FromStored(v.Type, v.Json), StringComparer.Ordinal);
    }
}
