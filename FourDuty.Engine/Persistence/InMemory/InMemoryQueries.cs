using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Runtime.Tasks;

namespace FourDuty.Engine.Persistence.InMemory;

internal sealed partial class InMemoryEngineStore
{
    private sealed class InMemoryQueries(InMemoryEngineStore store) : IEngineQueries
    {
        public Task<IReadOnlyList<ProcessDefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<ProcessDefinitionRecord>>(() => store._definitions
                .Where(d => key is null || d.Key == key).OrderBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.Version).ToList());

        public Task<InstanceSnapshot?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
            Read(() => store._instances.TryGetValue(instanceId, out var s)
                ? new InstanceSnapshot(RowCopy.Of(s.Instance), RowCopy.Of(s.Tokens), RowCopy.Of(s.Scopes), RowCopy.Of(s.Variables),
                    RowCopy.Of(s.Tasks), RowCopy.Of(s.Timers), RowCopy.Of(s.Subscriptions), RowCopy.Of(s.Jobs), RowCopy.Of(s.Incidents))
                : null);

        public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(InstanceFilter filter, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<InstanceRecord>>(() => store._instances.Values.Select(s => s.Instance)
                .Where(i => filter.DefinitionKey is null || i.DefinitionKey == filter.DefinitionKey)
                .Where(i => filter.Status is null || i.Status == filter.Status)
                .Where(i => filter.BusinessKey is null || i.BusinessKey == filter.BusinessKey)
                .Where(i => filter.ParentInstanceId is null || i.ParentInstanceId == filter.ParentInstanceId)
                .OrderBy(i => i.StartedAt).Select(RowCopy.Of).ToList());

        public Task<UserTaskRecord?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
            Read(() => AllTasks().FirstOrDefault(t => t.Id == taskId) is { } task ? RowCopy.Of(task) : null);

        public Task<TaskView?> GetTaskViewAsync(Guid taskId, CancellationToken cancellationToken) => Read(() => ViewOf(taskId));

        public Task<TaskLinkView?> FindTaskLinkViewAsync(string tokenHash, CancellationToken cancellationToken) =>
            Read(() => store._taskLinks.TryGetValue(tokenHash, out var link) ? new TaskLinkView(RowCopy.Of(link), ViewOf(link.TaskId)) : null);

        private TaskView? ViewOf(Guid taskId)
        {
            if (AllTasks().FirstOrDefault(t => t.Id == taskId) is not { } task || !store._instances.TryGetValue(task.InstanceId, out var stored))
            {
                return null;
            }

            var definition = store._definitions.FirstOrDefault(d => d.Id == stored.Instance.DefinitionId);
            var form = Deployment.FormFiles.Parse(task.FormKey) is { } key
                ? Latest(key.Key, key.SameDeployment ? definition?.DeploymentId : null) ?? Latest(key.Key, null)
                : null;
            return new TaskView(RowCopy.Of(task), RowCopy.Of(stored.Instance), definition?.Name ?? stored.Instance.DefinitionKey, form);
        }

        public Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskFilter filter, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<UserTaskRecord>>(() => TasksFor(filter)
                .Where(t => t.Status == filter.Status)
                .Where(t => filter.Assignee is null || t.Assignee == filter.Assignee)
                .Where(t => filter.CandidateUser is null || TaskCandidates.Contains(t.CandidateUsers, filter.CandidateUser))
                .Where(t => filter.CandidateGroup is null || TaskCandidates.Contains(t.CandidateGroups, filter.CandidateGroup))
                .Where(t => filter.InstanceId is null || t.InstanceId == filter.InstanceId)
                .Where(t => filter.DueBefore is null || (t.DueAt is { } due && due <= filter.DueBefore))
                .Where(t => filter.DueFrom is null || (t.DueAt is { } from && from >= filter.DueFrom))
                .OrderBy(t => t.CreatedAt).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<PersonalTask>> ListPersonalTasksAsync(string person, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<PersonalTask>>(() => AllTasks()
                .Where(t => t.Status == UserTaskStatus.Open && (t.Assignee == person || t.Owner == person
                    || (t.Assignee is null && (t.CandidateGroups is not null || TaskCandidates.Contains(t.CandidateUsers, person)))))
                .Where(t => store._instances.ContainsKey(t.InstanceId))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                .Select(t =>
                {
                    var instance = store._instances[t.InstanceId].Instance;
                    var name = store._definitions.FirstOrDefault(d => d.Id == instance.DefinitionId)?.Name ?? instance.DefinitionKey;
                    return new PersonalTask(RowCopy.Of(t), name, instance.BusinessKey);
                })
                .ToList());

        public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<IncidentRecord>>(() => store._instances.Values.SelectMany(s => s.Incidents)
                .Where(i => instanceId is null || i.InstanceId == instanceId).OrderBy(i => i.CreatedAt).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<HistoryRecord>>(() => store._history.TryGetValue(instanceId, out var list) ? list.ToList() : []);

        public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(int limit, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<OutboxRecord>>(() => store._outbox.Values.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                .Take(limit).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<OutboxRecord>> ListOutboxOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<OutboxRecord>>(() => store._outbox.Values.Where(o => o.InstanceId == instanceId).OrderByDescending(o => o.CreatedAt)
                .ThenByDescending(o => o.Id).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<OutboxRecord>> FindDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<OutboxRecord>>(() => store._outbox.Values.Where(o => o.Status == OutboxStatus.Pending && o.DueAt <= now)
                .OrderBy(o => o.DueAt).Take(limit).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<TimerRecord>> FindDueTimersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<TimerRecord>>(() => store._instances.Values.SelectMany(s => s.Timers).Concat(store._startTimers.Values)
                .Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(limit).Select(RowCopy.Of).ToList());

        public Task<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Read<IReadOnlyList<JobRecord>>(() => store._instances.Values.SelectMany(s => s.Jobs)
                .Where(j => j.DueAt <= now && j.RetriesLeft > 0).OrderBy(j => j.DueAt).Take(limit).Select(RowCopy.Of).ToList());

        // One instance's open tasks are at hand; scanning every instance is for the other filters.
        private IEnumerable<UserTaskRecord> TasksFor(TaskFilter filter) =>
            filter is { InstanceId: { } id, Status: UserTaskStatus.Open }
                ? store._instances.TryGetValue(id, out var stored) ? stored.Tasks : []
                : AllTasks();

        private IEnumerable<UserTaskRecord> AllTasks() => store._instances.Values.SelectMany(s => s.Tasks).Concat(store._closedTasks.Values);

        private FormDefinitionRecord? Latest(string key, Guid? deploymentId) =>
            store._forms.Where(f => f.Key == key && (deploymentId == null || f.DeploymentId == deploymentId)).MaxBy(f => f.Version);

        private Task<T> Read<T>(Func<T> query)
        {
            lock (store._lock)
            {
                return Task.FromResult(query());
            }
        }
    }
}
