using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// One step's unit of work on a DbContext: the rows the step may change are tracked (<see cref="IStepRows"/>), its changes
/// are written at commit in a single database transaction, and the instance revision (a concurrency token) makes a
/// step that read stale state fail, to be retried, instead of overwriting another step's work.
/// </summary>
/// <param name="db">The step's context.</param>
/// <param name="groups">On PostgreSQL, the engine's <see cref="Postgres.GroupCommit"/>, which the step's write joins.</param>
internal sealed class EfStoreSession(EngineDbContext db, Postgres.GroupCommit? groups = null) : IStoreSession, IChangeTracker
{
    // PostgreSQL: tracked here and written in one batch; SQLite: tracked and saved by Entity Framework.
    private readonly IStepRows _rows = db.Database.IsNpgsql() ? new Postgres.PostgresStepRows(db, groups) : new EntityFrameworkStepRows(db);

    private readonly Dictionary<Guid, InstanceState> _states = [];

    // The step's history events, in the order recorded; written at commit as one row per instance (HistoryStepRecord).
    private readonly List<HistoryRecord> _history = [];

    public async Task<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (_states.TryGetValue(instanceId, out var known))
        {
            return known;
        }

        var loaded = _rows is Postgres.PostgresStepRows postgres
            ? (await Postgres.PostgresInstanceLoader.LoadAsync(db, postgres, [instanceId], cancellationToken)).SingleOrDefault()
            : await LoadWithQueriesAsync(instanceId, cancellationToken);
        return loaded is null ? null : Known(loaded);
    }

    public async Task LoadInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var missing = instanceIds.Where(id => !_states.ContainsKey(id)).Distinct().ToList();
        if (_rows is not Postgres.PostgresStepRows postgres || missing.Count < 2)
        {
            return;
        }

        // PostgreSQL: every instance of the batch in one round trip; the step's own loads then find them here.
        foreach (var loaded in await Postgres.PostgresInstanceLoader.LoadAsync(db, postgres, missing, cancellationToken))
        {
            Known(loaded);
        }
    }

    public async Task<(UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        // Once the step holds rows, reading an instance again would read them twice: then the task first, as other stores do.
        if (_rows is not Postgres.PostgresStepRows postgres || _states.Count > 0)
        {
            return await FindTaskAsync(taskId, cancellationToken) is { } task ? (task, await LoadInstanceAsync(task.InstanceId, cancellationToken)) : (null, null);
        }

        // PostgreSQL: the task and its whole instance in one batch, one round trip.
        var (found, loaded) = await Postgres.PostgresInstanceLoader.LoadByTaskAsync(postgres, taskId, cancellationToken);
        return (found, loaded is null ? null : Known(loaded));
    }

    public async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskLinkAsync(string tokenHash,
        CancellationToken cancellationToken)
    {
        if (_rows is not Postgres.PostgresStepRows postgres || _states.Count > 0)
        {
            var link = await FindTaskLinkAsync(tokenHash, cancellationToken);
            if (link is null)
            {
                return (null, null, null);
            }

            var (task, instance) = await LoadInstanceOfTaskAsync(link.TaskId, cancellationToken);
            return (link, task, instance);
        }

        // PostgreSQL: the link, its task and the task's whole instance in one batch, one round trip.
        var (found, stored, loaded) = await Postgres.PostgresInstanceLoader.LoadByTaskLinkAsync(postgres, tokenHash, cancellationToken);
        return (found, stored, loaded is null ? null : Known(loaded));
    }

    private InstanceState Known(LoadedInstance loaded)
    {
        var state = new InstanceState(loaded.Instance, this, loaded.Rows);
        _states[state.Instance.Id] = state;
        return state;
    }

    private async Task<LoadedInstance?> LoadWithQueriesAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await _rows.FirstOrDefaultAsync(db.Instances.Where(i => i.Id == instanceId), cancellationToken);
        if (instance is null)
        {
            return null;
        }

        return new LoadedInstance(instance, new InstanceRows(
            await _rows.ToListAsync(db.Tokens.Where(t => t.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Scopes.Where(s => s.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Variables.Where(v => v.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Tasks.Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open), cancellationToken),
            await _rows.ToListAsync(db.Timers.Where(t => t.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Subscriptions.Where(s => s.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Jobs.Where(j => j.InstanceId == instanceId), cancellationToken),
            await _rows.ToListAsync(db.Incidents.Where(i => i.InstanceId == instanceId), cancellationToken)));
    }

    public InstanceState CreateInstance(InstanceRecord instance)
    {
        _rows.Add(instance);
        var state = new InstanceState(instance, this, InstanceRows.Empty);
        _states[instance.Id] = state;
        return state;
    }

    public Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);

    public async Task<TimerRecord?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken)
    {
        // Start timers are changed in this session directly (they belong to no instance), so they are tracked.
        var timer = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken);
        return timer is { InstanceId: null } ? await _rows.FirstOrDefaultAsync(db.Timers.Where(t => t.Id == timerId), cancellationToken) : timer;
    }

    public Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);

    public Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);

    public async Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionKind kind, string name, CancellationToken cancellationToken) =>
        await db.Subscriptions.AsNoTracking().Where(s => s.Kind == kind && s.Name == name).ToListAsync(cancellationToken);

    public Task<ProcessDefinitionRecord?> FindDefinitionAsync(Guid definitionId, CancellationToken cancellationToken) =>
        Definitions().FirstOrDefaultAsync(d => d.Id == definitionId, cancellationToken);

    public Task<ProcessDefinitionRecord?> FindDefinitionAsync(string key, int? version, CancellationToken cancellationToken) =>
        version is { } v
            ? Definitions().FirstOrDefaultAsync(d => d.Key == key && d.Version == v, cancellationToken)
            : Definitions().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<Guid?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken) =>
        version is { } v
            ? await Definitions().Where(d => d.Key == key && d.Version == v).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
            : await Definitions().Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<ProcessDefinitionRecord?> FindDefinitionByHashAsync(string key, string contentHash, CancellationToken cancellationToken) =>
        Definitions().Where(d => d.Key == key && d.ContentHash == contentHash).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    public void AddDefinition(ProcessDefinitionRecord definition) => _rows.Add(definition);

    public async Task<IReadOnlyList<ProcessDefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken) =>
        await Definitions().Where(d => d.Version == db.ProcessDefinitions.Where(x => x.Key == d.Key).Max(x => x.Version))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> ListLatestDefinitionIdsAsync(CancellationToken cancellationToken) =>
        await db.ProcessDefinitions.AsNoTracking().Where(d => d.Version == db.ProcessDefinitions.Where(x => x.Key == d.Key).Max(x => x.Version))
            .Select(d => d.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TimerRecord>> FindStartTimersAsync(string key, CancellationToken cancellationToken) =>
        await _rows.ToListAsync(db.Timers.Where(t => t.DefinitionId != null
                && db.ProcessDefinitions.Any(d => d.Id == t.DefinitionId && d.Key == key)), cancellationToken);

    public void AddStartTimer(TimerRecord timer) => _rows.Add(timer);

    public void RemoveStartTimer(TimerRecord timer) => _rows.Remove(timer);

    public void AddForm(FormDefinitionRecord form) => _rows.Add(form);

    public Task<FormDefinitionRecord?> FindFormAsync(string key, Guid? deploymentId, CancellationToken cancellationToken) =>
        db.Forms.AsNoTracking().Where(f => f.Key == key && (deploymentId == null || f.DeploymentId == deploymentId))
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);

    public void AddOutbox(OutboxRecord row) => _rows.Add(row);

    public async Task<IReadOnlyList<HistoryRecord>> FindTaskHistoryAsync(Guid instanceId, Guid taskId, HistoryEventType type,
        CancellationToken cancellationToken) =>
        (await db.HistorySteps.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(cancellationToken))
            .SelectMany(h => h.Unpack()).Where(h => h.SubjectId == taskId && h.Type == type).ToList();

    public async Task<bool> HasOutboxKeyAsync(string key, CancellationToken cancellationToken) =>
        _rows.Local<OutboxRecord>().Any(o => o.Key == key) || await db.Outbox.AsNoTracking().AnyAsync(o => o.Key == key, cancellationToken);

    public Task<OutboxRecord?> FindOutboxAsync(Guid outboxId, CancellationToken cancellationToken) =>
        _rows.FirstOrDefaultAsync(db.Outbox.Where(o => o.Id == outboxId), cancellationToken);

    public void AddTaskLink(TaskLinkRecord link) => _rows.Add(link);

    public Task<TaskLinkRecord?> FindTaskLinkAsync(string tokenHash, CancellationToken cancellationToken) =>
        _rows.FirstOrDefaultAsync(db.TaskLinks.Where(l => l.TokenHash == tokenHash), cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var events in _history.GroupBy(h => h.InstanceId))
        {
            _rows.Add(HistoryStepRecord.Pack([.. events]));
        }

        _history.Clear();

        // Only an instance this step changed gets a new revision: a step that merely read one (to find a task, check a
        // form) must not write it, nor make a concurrent step on it conflict.
        var changed = _rows.ChangedInstances();
        foreach (var state in _states.Values)
        {
            if (changed.Contains(state.Instance.Id))
            {
                _rows.NewRevision(state.Instance);
            }
        }

        try
        {
            await _rows.WriteAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState is Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            throw new ConcurrencyConflictException("Another step changed or inserted the same rows first.", exception);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException("Another step changed the same instance or timer first.", exception);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            throw new ConcurrencyConflictException("Another step inserted the same row first.", exception);
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    void IChangeTracker.Added(object row)
    {
        if (row is HistoryRecord history)
        {
            _history.Add(history);
        }
        else
        {
            _rows.Add(row);
        }
    }

    void IChangeTracker.Removed(object row) => _rows.Remove(row);

    void IChangeTracker.Closed(object row)
    {
        // A closed row stays stored; its changes are tracked like any other.
    }

    private IQueryable<ProcessDefinitionRecord> Definitions() => db.ProcessDefinitions.AsNoTracking();
}
