using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Persistence.InMemory;

internal sealed partial class InMemoryEngineStore
{
    /// <summary>A unit of work over copies of the stored rows; nothing is visible to others until it commits.</summary>
    private sealed class Session(InMemoryEngineStore store) : IStoreSession, IChangeTracker
    {
        private readonly Dictionary<Guid, InstanceState> _states = [];

        public Dictionary<Guid, long> LoadedRevisions { get; } = [];

        public Dictionary<Guid, int> LoadedStartTimers { get; } = [];

        public IEnumerable<InstanceState> States => _states.Values;

        public List<object> Closed { get; } = [];

        public List<HistoryRecord> History { get; } = [];

        public List<ProcessDefinitionRecord> NewDefinitions { get; } = [];

        public List<TimerRecord> StartTimers { get; } = [];

        public List<TimerRecord> RemovedStartTimers { get; } = [];

        public List<OutboxRecord> NewOutbox { get; } = [];

        public List<FormDefinitionRecord> NewForms { get; } = [];

        public void AddForm(FormDefinitionRecord form) => NewForms.Add(form);

        public Task<IReadOnlyList<HistoryRecord>> FindTaskHistoryAsync(Guid instanceId, Guid taskId, HistoryEventType type,
            CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult<IReadOnlyList<HistoryRecord>>(store._history.TryGetValue(instanceId, out var list)
                    ? list.Where(h => h.SubjectId == taskId && h.Type == type).ToList()
                    : []);
            }
        }

        public Task<bool> HasOutboxKeyAsync(string key, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(store._outboxKeys.Contains(key) || NewOutbox.Any(o => o.Key == key));
            }
        }

        public Task<FormDefinitionRecord?> FindFormAsync(string key, Guid? deploymentId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(store._forms.Concat(NewForms)
                    .Where(f => f.Key == key && (deploymentId == null || f.DeploymentId == deploymentId))
                    .OrderByDescending(f => f.Version).FirstOrDefault());
            }
        }

        public List<OutboxRecord> ChangedOutbox { get; } = [];

        /// <summary>The attempt count of each outbox row read, the row's concurrency token.</summary>
        public Dictionary<Guid, int> LoadedOutboxAttempts { get; } = [];

        public List<TaskLinkRecord> TaskLinks { get; } = [];

        public void AddOutbox(OutboxRecord row) => NewOutbox.Add(row);

        public Task<OutboxRecord?> FindOutboxAsync(Guid outboxId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                if (!store._outbox.TryGetValue(outboxId, out var stored))
                {
                    return Task.FromResult<OutboxRecord?>(null);
                }

                var copy = RowCopy.Of(stored);
                ChangedOutbox.Add(copy);
                LoadedOutboxAttempts[outboxId] = stored.Attempts;
                return Task.FromResult<OutboxRecord?>(copy);
            }
        }

        public void AddTaskLink(TaskLinkRecord link) => TaskLinks.Add(link);

        public Task<TaskLinkRecord?> FindTaskLinkAsync(string tokenHash, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                if (!store._taskLinks.TryGetValue(tokenHash, out var stored))
                {
                    return Task.FromResult<TaskLinkRecord?>(null);
                }

                var copy = RowCopy.Of(stored);
                TaskLinks.Add(copy);
                return Task.FromResult<TaskLinkRecord?>(copy);
            }
        }

        public Task<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
        {
            if (_states.TryGetValue(instanceId, out var loaded))
            {
                return Task.FromResult<InstanceState?>(loaded);
            }

            lock (store._lock)
            {
                if (!store._instances.TryGetValue(instanceId, out var stored))
                {
                    return Task.FromResult<InstanceState?>(null);
                }

                var state = new InstanceState(RowCopy.Of(stored.Instance), this, stored.CopyRows());
                LoadedRevisions[instanceId] = stored.Instance.Revision;
                _states[instanceId] = state;
                return Task.FromResult<InstanceState?>(state);
            }
        }

        public async Task<(UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
            await FindTaskAsync(taskId, cancellationToken) is { } task ? (task, await LoadInstanceAsync(task.InstanceId, cancellationToken)) : (null, null);

        public async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskLinkAsync(string tokenHash,
            CancellationToken cancellationToken)
        {
            if (await FindTaskLinkAsync(tokenHash, cancellationToken) is not { } link)
            {
                return (null, null, null);
            }

            var (task, instance) = await LoadInstanceOfTaskAsync(link.TaskId, cancellationToken);
            return (link, task, instance);
        }

        // In memory every read is as cheap as a batched one.
        public Task LoadInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken) => Task.CompletedTask;

        public InstanceState CreateInstance(InstanceRecord instance)
        {
            var state = new InstanceState(instance, this, InstanceRows.Empty);
            _states[instance.Id] = state;
            LoadedRevisions[instance.Id] = -1;
            return state;
        }

        public Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                if (store._closedTasks.TryGetValue(taskId, out var closed))
                {
                    return Task.FromResult<UserTaskRecord?>(RowCopy.Of(closed));
                }

                return Task.FromResult(Find(store._instanceOfTask, taskId, s => s.Tasks, t => t.Id == taskId));
            }
        }

        public Task<TimerRecord?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                if (store._startTimers.TryGetValue(timerId, out var start))
                {
                    LoadedStartTimers[timerId] = start.FiredCount;
                    var copy = RowCopy.Of(start);
                    StartTimers.Add(copy);
                    return Task.FromResult<TimerRecord?>(copy);
                }

                return Task.FromResult(Find(store._instanceOfTimer, timerId, s => s.Timers, t => t.Id == timerId));
            }
        }

        public Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(Find(store._instanceOfJob, jobId, s => s.Jobs, j => j.Id == jobId));
            }
        }

        public Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(Find(store._instanceOfIncident, incidentId, s => s.Incidents, i => i.Id == incidentId));
            }
        }

        public Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionKind kind, string name, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                IReadOnlyList<SubscriptionRecord> found = store._subscriptions.TryGetValue((kind, name), out var byId)
                    ? byId.Values.OrderBy(s => s.CreatedAt).Select(RowCopy.Of).ToList()
                    : [];
                return Task.FromResult(found);
            }
        }

        public Task<ProcessDefinitionRecord?> FindDefinitionAsync(Guid definitionId, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(AllDefinitions().FirstOrDefault(d => d.Id == definitionId));
            }
        }

        public Task<ProcessDefinitionRecord?> FindDefinitionAsync(string key, int? version, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                var versions = AllDefinitions().Where(d => d.Key == key);
                return Task.FromResult(version is { } v
                    ? versions.FirstOrDefault(d => d.Version == v)
                    : versions.OrderByDescending(d => d.Version).FirstOrDefault());
            }
        }

        public async Task<Guid?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken) =>
            (await FindDefinitionAsync(key, version, cancellationToken))?.Id;

        public Task<ProcessDefinitionRecord?> FindDefinitionByHashAsync(string key, string contentHash, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                return Task.FromResult(AllDefinitions().Where(d => d.Key == key && d.ContentHash == contentHash)
                    .OrderByDescending(d => d.Version).FirstOrDefault());
            }
        }

        public void AddDefinition(ProcessDefinitionRecord definition) => NewDefinitions.Add(definition);

        public async Task<IReadOnlyList<Guid>> ListLatestDefinitionIdsAsync(CancellationToken cancellationToken) =>
            (await ListLatestDefinitionsAsync(cancellationToken)).Select(d => d.Id).ToList();

        public Task<IReadOnlyList<ProcessDefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                IReadOnlyList<ProcessDefinitionRecord> latest = AllDefinitions().GroupBy(d => d.Key)
                    .Select(g => g.MaxBy(d => d.Version)!).ToList();
                return Task.FromResult(latest);
            }
        }

        public Task<IReadOnlyList<TimerRecord>> FindStartTimersAsync(string key, CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                var definitions = AllDefinitions().Where(d => d.Key == key).Select(d => d.Id).ToHashSet();
                IReadOnlyList<TimerRecord> timers = store._startTimers.Values
                    .Where(t => t.DefinitionId is { } id && definitions.Contains(id))
                    .Select(t =>
                    {
                        LoadedStartTimers[t.Id] = t.FiredCount;
                        return RowCopy.Of(t);
                    })
                    .ToList();
                return Task.FromResult(timers);
            }
        }

        public void AddStartTimer(TimerRecord timer) => StartTimers.Add(timer);

        public void RemoveStartTimer(TimerRecord timer)
        {
            StartTimers.RemoveAll(t => t.Id == timer.Id);
            RemovedStartTimers.Add(timer);
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            lock (store._lock)
            {
                store.Apply(this);
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        void IChangeTracker.Added(object row)
        {
            if (row is HistoryRecord history)
            {
                History.Add(history);
            }
        }

        void IChangeTracker.Removed(object row)
        {
        }

        void IChangeTracker.Closed(object row) => Closed.Add(row);

        private IEnumerable<ProcessDefinitionRecord> AllDefinitions() => store._definitions.Concat(NewDefinitions);

        private T? Find<T>(Dictionary<Guid, Guid> index, Guid id, Func<StoredInstance, IReadOnlyList<T>> rows, Func<T, bool> match)
            where T : class =>
            index.TryGetValue(id, out var instanceId) && store._instances.TryGetValue(instanceId, out var stored)
                ? rows(stored).FirstOrDefault(match) is { } row ? RowCopy.Of(row) : null
                : null;
    }
}
