using System.Text.Json.Nodes;

namespace FourDuty.Engine.Runtime.Handlers;

/// <summary>What a handler knows about the task it runs for.</summary>
public sealed class ServiceTaskContext
{
    /// <summary>The job; stable across retries, so a handler can use it as an idempotency key.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The instance.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>The instance's business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The process definition key.</summary>
    public required string DefinitionKey { get; init; }

    /// <summary>The task element's id.</summary>
    public required string ElementId { get; init; }

    /// <summary>The task's name.</summary>
    public string? ElementName { get; init; }

    /// <summary>The task's documentation.</summary>
    public string? Documentation { get; init; }

    /// <summary>The task's <c>camunda:properties</c>.</summary>
    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    /// <summary>The variables visible at the task, as JSON.</summary>
    public required IReadOnlyDictionary<string, JsonNode?> Variables { get; init; }

    /// <summary>
    /// The scope the task's token runs in (the process, or one subprocess or multi-instance body): a handler about
    /// another element of the same instance picks the one in this scope when several are open.
    /// </summary>
    public Guid ScopeId { get; init; }

    /// <summary>How many attempts failed before this one.</summary>
    public int Attempt { get; init; }
}
