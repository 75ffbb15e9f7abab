using System.Text.Json.Nodes;

namespace FourDuty.Engine.Runtime.Handlers;

/// <summary>What a handler hands back: variables to set, and a result for <c>camunda:resultVariable</c>.</summary>
public sealed class ServiceTaskResult
{
    /// <summary>Nothing to set.</summary>
    public static ServiceTaskResult Empty { get; } = new();

    /// <summary>Variables to set where they are visible from the task (else on the process).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The value stored in the task's <c>camunda:resultVariable</c>, if it names one.</summary>
    public JsonNode? Result { get; init; }
}

/// <summary>Thrown by a handler to raise a BPMN error, which an error boundary event or event subprocess can catch.</summary>
/// <param name="errorCode">Matched against the <c>errorCode</c> of the catching error.</param>
/// <param name="message">Stored in the catch's <c>camunda:errorMessageVariable</c>.</param>
public sealed class BpmnErrorException(string errorCode, string? message = null) : Exception(message ?? errorCode)
{
    /// <summary>The error code.</summary>
    public string ErrorCode { get; } = errorCode;
}
