using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Persistence.InMemory;

/// <summary>
/// The engine's state in process memory: for tests, benchmarks and the designer's test-run. Commits are
/// atomic and checked against each instance's revision, exactly as the database stores do.
/// </summary>
internal sealed partial class InMemoryEngineStore : IEngineStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, StoredInstance> _instances = [];
    private readonly Dictionary<Guid, UserTaskRecord> _closedTasks = [];
    private readonly Dictionary<Guid, List<HistoryRecord>> _history = [];
    private readonly List<ProcessDefinitionRecord> _definitions = [];
    private readonly List<FormDefinitionRecord> _forms = [];
    private readonly Dictionary<Guid, TimerRecord> _startTimers = [];
    private readonly Dictionary<Guid, OutboxRecord> _outbox = [];
    private readonly HashSet<string> _outboxKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskLinkRecord> _taskLinks = new(StringComparer.Ordinal);

    // Indexes from a wait's id to its instance, so triggers find their instance without a scan.
    private readonly Dictionary<Guid, Guid> _instanceOfTask = [];
    private readonly Dictionary<Guid, Guid> _instanceOfTimer = [];
    private readonly Dictionary<Guid, Guid> _instanceOfJob = [];
    private readonly Dictionary<Guid, Guid> _instanceOfIncident = [];
    private readonly Dictionary<(SubscriptionKind, string), Dictionary<Guid, SubscriptionRecord>> _subscriptions = [];

    public InMemoryEngineStore() => Queries = new InMemoryQueries(this);

    public IEngineQueries Queries { get; }

    public Task<IStoreSession> BeginAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IStoreSession>(new Session(this));

    private byte[]? _taskLinkKey;

    public Task<byte[]> KeepTaskLinkKeyAsync(byte[] proposed, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_taskLinkKey ??= proposed);
        }
    }

    private void Apply(Session session)
    {
        foreach (var (id, expected) in session.LoadedRevisions)
        {
            var current = _instances.TryGetValue(id, out var stored) ? stored.Instance.Revision : -1;
            if (current != expected)
            {
                throw new ConcurrencyConflictException($"Instance {id} was changed by another step (revision {expected} read, {current} stored).");
            }
        }

        foreach (var (timer, firedCount) in session.LoadedStartTimers)
        {
            if (!_startTimers.TryGetValue(timer, out var stored) || stored.FiredCount != firedCount)
            {
                throw new ConcurrencyConflictException($"Start timer {timer} was fired or replaced by another step.");
            }
        }

        foreach (var (row, attempts) in session.LoadedOutboxAttempts)
        {
            if (_outbox[row].Attempts != attempts)
            {
                throw new ConcurrencyConflictException($"Outbox row {row} was claimed by another delivery.");
            }
        }

        if (session.NewOutbox.FirstOrDefault(o => _outboxKeys.Contains(o.Key)) is { } duplicate)
        {
            throw new ConcurrencyConflictException($"An outbox row with the key '{duplicate.Key}' exists already.");
        }

        foreach (var state in session.States)
        {
            state.Instance.Revision++;
            if (_instances.TryGetValue(state.Instance.Id, out var previous))
            {
                Unindex(previous);
            }

            var stored = StoredInstance.From(state);
            _instances[state.Instance.Id] = stored;
            Index(stored);
        }

        foreach (var row in session.Closed)
        {
            if (row is UserTaskRecord task)
            {
                _closedTasks[task.Id] = task;
                _instanceOfTask.Remove(task.Id);
            }
        }

        foreach (var history in session.History)
        {
            if (!_history.TryGetValue(history.InstanceId, out var list))
            {
                _history[history.InstanceId] = list = [];
            }

            list.Add(history);
        }

        _definitions.AddRange(session.NewDefinitions);
        _forms.AddRange(session.NewForms);
        foreach (var timer in session.RemovedStartTimers)
        {
            _startTimers.Remove(timer.Id);
        }

        foreach (var timer in session.StartTimers)
        {
            _startTimers[timer.Id] = timer;
        }

        foreach (var row in session.NewOutbox.Concat(session.ChangedOutbox))
        {
            _outbox[row.Id] = row;
            _outboxKeys.Add(row.Key);
        }

        foreach (var link in session.TaskLinks)
        {
            _taskLinks[link.TokenHash] = link;
        }
    }

    private void Index(StoredInstance stored)
    {
        var id = stored.Instance.Id;
        foreach (var task in stored.Tasks)
        {
            _instanceOfTask[task.Id] = id;
        }

        foreach (var timer in stored.Timers)
        {
            _instanceOfTimer[timer.Id] = id;
        }

        foreach (var job in stored.Jobs)
        {
            _instanceOfJob[job.Id] = id;
        }

        foreach (var incident in stored.Incidents)
        {
            _instanceOfIncident[incident.Id] = id;
        }

        foreach (var subscription in stored.Subscriptions)
        {
            var key = (subscription.Kind, subscription.Name);
            if (!_subscriptions.TryGetValue(key, out var byId))
            {
                _subscriptions[key] = byId = [];
            }

            byId[subscription.Id] = subscription;
        }
    }

    private void Unindex(StoredInstance stored)
    {
        foreach (var task in stored.Tasks)
        {
            _instanceOfTask.Remove(task.Id);
        }

        foreach (var timer in stored.Timers)
        {
            _instanceOfTimer.Remove(timer.Id);
        }

        foreach (var job in stored.Jobs)
        {
            _instanceOfJob.Remove(job.Id);
        }

        foreach (var incident in stored.Incidents)
        {
            _instanceOfIncident.Remove(incident.Id);
        }

        foreach (var subscription in stored.Subscriptions)
        {
            if (_subscriptions.TryGetValue((subscription.Kind, subscription.Name), out var byId))
            {
                byId.Remove(subscription.Id);
            }
        }
    }
}
