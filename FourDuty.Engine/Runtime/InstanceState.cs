using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Runtime;

/// <summary>
/// Everything that is running of one instance: its tokens, scopes, variables, open tasks, timers,
/// subscriptions, jobs and incidents. A step loads it, changes it and commits it as one unit.
/// </summary>
internal sealed class InstanceState
{
    private readonly IChangeTracker _tracker;

    public InstanceState(InstanceRecord instance, IChangeTracker tracker, InstanceRows rows)
    {
        Instance = instance;
        _tracker = tracker;
        Tokens = new TrackedList<TokenRecord>(tracker, rows.Tokens);
        Scopes = new TrackedList<ScopeRecord>(tracker, rows.Scopes);
        Variables = new TrackedList<VariableRecord>(tracker, rows.Variables);
        Tasks = new TrackedList<UserTaskRecord>(tracker, rows.Tasks);
        Timers = new TrackedList<TimerRecord>(tracker, rows.Timers);
        Subscriptions = new TrackedList<SubscriptionRecord>(tracker, rows.Subscriptions);
        Jobs = new TrackedList<JobRecord>(tracker, rows.Jobs);
        Incidents = new TrackedList<IncidentRecord>(tracker, rows.Incidents);
    }

    public InstanceRecord Instance { get; }

    public TrackedList<TokenRecord> Tokens { get; }

    public TrackedList<ScopeRecord> Scopes { get; }

    public TrackedList<VariableRecord> Variables { get; }

    /// <summary>Open user tasks only; completed and cancelled ones are closed out of the running state.</summary>
    public TrackedList<UserTaskRecord> Tasks { get; }

    public TrackedList<TimerRecord> Timers { get; }

    public TrackedList<SubscriptionRecord> Subscriptions { get; }

    public TrackedList<JobRecord> Jobs { get; }

    /// <summary>Unresolved incidents only.</summary>
    public TrackedList<IncidentRecord> Incidents { get; }

    public bool IsActive => Instance.Status == InstanceStatus.Active;

    public void Record(HistoryRecord history) => _tracker.Added(history);

    public ScopeRecord RootScope => Scopes.First(s => s.ParentScopeId is null);

    public TokenRecord? Token(Guid id)
    {
        foreach (var token in Tokens)
        {
            if (token.Id == id)
            {
                return token;
            }
        }

        return null;
    }

    public ScopeRecord? Scope(Guid id)
    {
        foreach (var scope in Scopes)
        {
            if (scope.Id == id)
            {
                return scope;
            }
        }

        return null;
    }
}

/// <summary>The stored rows of one instance, as a store hands them over.</summary>
internal sealed record InstanceRows(
    IEnumerable<TokenRecord> Tokens,
    IEnumerable<ScopeRecord> Scopes,
    IEnumerable<VariableRecord> Variables,
    IEnumerable<UserTaskRecord> Tasks,
    IEnumerable<TimerRecord> Timers,
    IEnumerable<SubscriptionRecord> Subscriptions,
    IEnumerable<JobRecord> Jobs,
    IEnumerable<IncidentRecord> Incidents)
{
    public static InstanceRows Empty { get; } = new([], [], [], [], [], [], [], []);
}
