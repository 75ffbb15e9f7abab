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

/// <summary>A message to correlate.</summary>
public sealed record MessageRequest(string Name, string? CorrelationKey, Dictionary<string, JsonNode?>? Variables);

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
