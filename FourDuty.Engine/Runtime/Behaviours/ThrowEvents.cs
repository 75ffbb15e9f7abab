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
    /// Sends a message to a waiting party in this engine, with the element's input parameters as its variables; with no
    /// receiver it is recorded and dropped.
    /// </summary>
    public static async ValueTask SendMessageAsync(Execution.Execution execution, string name)
    {
        var key = execution.Node.Properties.TryGetValue("correlationKey", out var keyText)
            ? execution.Text(Expressions.Expression.Parse(keyText), "correlationKey")
            : null;
        try
        {
            await execution.Step.Throwing.CorrelateMessageAsync(name, key, Execution.ParameterMapping.InputValues(execution));
        }
        catch (EngineException exception)
        {
            execution.Step.History.Record(execution.Instance, State.HistoryEventType.MessageCorrelated, execution.Node.Id, execution.Token.Id,
                details: System.Text.Json.JsonSerializer.Serialize(new { name, delivered = false, reason = exception.Message }));
        }
    }
}
