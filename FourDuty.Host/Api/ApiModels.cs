using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Host.Api;

/// <summary>The body of a start request.</summary>
public sealed record StartRequest(string? BusinessKey, Dictionary<string, JsonNode?>? Variables);

/// <summary>The body of a task completion; the completion is recorded as the signed-in person's.</summary>
public sealed record CompleteRequest(Dictionary<string, JsonNode?>? Variables, int? Revision);

/// <summary>The body of claim, unclaim, delegate and assign: the person a task is delegated or assigned to (claim takes it for the signed-in person).</summary>
public sealed record AssigneeRequest(string? UserId, int? Revision);

/// <summary>
/// A message to correlate. Camunda 7's REST body (<c>POST /message</c>) is accepted as it is: <c>messageName</c> for
/// <c>name</c>, <c>processVariables</c> for <c>variables</c>, <c>businessKey</c>, and <c>correlationKeys</c>; a typed value
/// (<c>{"value": 3, "type": "Integer"}</c>) counts as its value.
/// </summary>
/// <param name="Name">The message's name.</param>
/// <param name="CorrelationKey">Matches a waiting element that names a correlation key (its <c>correlationKey</c> property).</param>
/// <param name="Variables">Variables the receiver gets.</param>
/// <param name="BusinessKey">Picks the instance with this business key (where the element names no correlation key, this is the correlation); the business key of a process the message starts.</param>
/// <param name="CorrelationKeys">Picks the instance whose process variables have these values.</param>
/// <param name="MessageName">Camunda's name for <paramref name="Name"/>.</param>
/// <param name="ProcessVariables">Camunda's name for <paramref name="Variables"/>.</param>
public sealed record MessageRequest(
    string? Name,
    string? CorrelationKey,
    Dictionary<string, JsonNode?>? Variables,
    string? BusinessKey = null,
    Dictionary<string, JsonNode?>? CorrelationKeys = null,
    string? MessageName = null,
    Dictionary<string, JsonNode?>? ProcessVariables = null)
{
    /// <summary>The message's name, by either spelling.</summary>
    public string? MessageNameGiven => Name ?? MessageName;

    /// <summary>The receiver's variables, by either spelling, typed values unwrapped.</summary>
    public Dictionary<string, JsonNode?>? VariablesGiven => Untyped(Variables ?? ProcessVariables);

    /// <summary>The correlation keys, typed values unwrapped.</summary>
    public Dictionary<string, JsonNode?>? CorrelationKeysGiven => Untyped(CorrelationKeys);

    // Camunda writes each value as {"value": ..., "type": ..., "valueInfo": ...}; anything else is the value itself.
    private static Dictionary<string, JsonNode?>? Untyped(Dictionary<string, JsonNode?>? values) =>
        values?.ToDictionary(v => v.Key, v => v.Value is JsonObject typed && typed.ContainsKey("value")
            && typed.All(p => p.Key is "value" or "type" or "valueInfo") ? typed["value"]?.DeepClone() : v.Value);
}

/// <summary>A signal to broadcast.</summary>
public sealed record SignalRequest(string Name, Dictionary<string, JsonNode?>? Variables);

/// <summary>How far to move the simulated clock, as an ISO 8601 duration such as P3D.</summary>
public sealed record ClockAdvanceRequest(string Duration);

/// <summary>An instance as the API shows it: where it is, what it waits for, its variables and incidents.</summary>
public sealed record InstanceView(
    InstanceRecord Instance,
    IReadOnlyList<string> ActiveElements,
    IReadOnlyList<UserTaskRecord> OpenTasks,
    IReadOnlyList<TimerRecord> PendingTimers,
    IReadOnlyList<SubscriptionRecord> Subscriptions,
    IReadOnlyList<JobRecord> Jobs,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyList<IncidentRecord> Incidents)
{
    public static InstanceView From(InstanceSnapshot snapshot)
    {
        var root = snapshot.Scopes.FirstOrDefault(s => s.ParentScopeId is null);
        return new InstanceView(
            snapshot.Instance,
            snapshot.Tokens.Select(t => t.ElementId).Distinct().Order(StringComparer.Ordinal).ToList(),
            snapshot.OpenTasks,
            snapshot.Timers,
            snapshot.Subscriptions,
            snapshot.Jobs,
            snapshot.Variables.Where(v => v.ScopeId == root?.Id).ToDictionary(v => v.Name, v => JsonNode.Parse(v.Json)),
            snapshot.Incidents);
    }
}
