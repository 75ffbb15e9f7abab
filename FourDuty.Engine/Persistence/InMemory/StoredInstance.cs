using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Persistence.InMemory;

/// <summary>The committed rows of one instance. Never changed in place: a commit replaces it.</summary>
internal sealed record StoredInstance(
    InstanceRecord Instance,
    IReadOnlyList<TokenRecord> Tokens,
    IReadOnlyList<ScopeRecord> Scopes,
    IReadOnlyList<VariableRecord> Variables,
    IReadOnlyList<UserTaskRecord> Tasks,
    IReadOnlyList<TimerRecord> Timers,
    IReadOnlyList<SubscriptionRecord> Subscriptions,
    IReadOnlyList<JobRecord> Jobs,
    IReadOnlyList<IncidentRecord> Incidents)
{
    public static StoredInstance From(InstanceState state) => new(
        state.Instance, state.Tokens.ToList(), state.Scopes.ToList(), state.Variables.ToList(), state.Tasks.ToList(),
        state.Timers.ToList(), state.Subscriptions.ToList(), state.Jobs.ToList(), state.Incidents.ToList());

    public InstanceRows CopyRows() => new(
        RowCopy.Of(Tokens), RowCopy.Of(Scopes), RowCopy.Of(Variables), RowCopy.Of(Tasks),
        RowCopy.Of(Timers), RowCopy.Of(Subscriptions), RowCopy.Of(Jobs), RowCopy.Of(Incidents));
}
