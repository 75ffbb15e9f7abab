using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

internal sealed class EfEngineQueries(IDbContextFactory<EngineDbContext> contexts) : IEngineQueries
{
    public Task<IReadOnlyList<ProcessDefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken cancellationToken) =>
        ListAsync(db => (key is null ? db.ProcessDefinitions : db.ProcessDefinitions.Where(d => d.Key == key)).OrderBy(d => d.Key).ThenBy(d => d.Version),
            cancellationToken);

    public async Task<InstanceSnapshot?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL: the instance and everything in it in one round trip, as a step reads it, but not tracked.
            if ((await Postgres.PostgresInstanceLoader.LoadAsync(db, rows: null, [instanceId], cancellationToken)).SingleOrDefault() is not { } loaded)
            {
                return null;
            }

            var rows = loaded.Rows;
            return new InstanceSnapshot(loaded.Instance, [.. rows.Tokens], [.. rows.Scopes], [.. rows.Variables], [.. rows.Tasks.OrderBy(t => t.CreatedAt)],
                [.. rows.Timers.OrderBy(t => t.DueAt)], [.. rows.Subscriptions], [.. rows.Jobs], [.. rows.Incidents]);
        }

        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        return new InstanceSnapshot(
            instance,
            await db.Tokens.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken),
            await db.Scopes.AsNoTracking().Where(s => s.InstanceId == instanceId).ToListAsync(cancellationToken),
            await db.Variables.AsNoTracking().Where(v => v.InstanceId == instanceId).ToListAsync(cancellationToken),
            await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken),
            await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.DueAt).ToListAsync(cancellationToken),
            await db.Subscriptions.AsNoTracking().Where(s => s.InstanceId == instanceId).ToListAsync(cancellationToken),
            await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instanceId).ToListAsync(cancellationToken),
            await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).ToListAsync(cancellationToken));
    }

    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(InstanceFilter filter, CancellationToken cancellationToken) =>
        ListAsync(db => Matching(db.Instances, filter).OrderBy(i => i.StartedAt).ThenBy(i => i.Id), cancellationToken);

    public async Task<UserTaskRecord?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
    }

    public async Task<TaskView?> GetTaskViewAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from task in db.Tasks.AsNoTracking()
                join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
                join definition in db.ProcessDefinitions.AsNoTracking() on instance.DefinitionId equals definition.Id into definitions
                from definition in definitions.DefaultIfEmpty()
                where task.Id == taskId
                select new { task, instance, Name = definition == null ? null : definition.Name, DeploymentId = definition == null ? (Guid?)null : definition.DeploymentId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await ViewAsync(db, row.task, row.instance, row.Name, row.DeploymentId, cancellationToken);
    }

    public async Task<TaskLinkView?> FindTaskLinkViewAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from link in db.TaskLinks.AsNoTracking()
                where link.TokenHash == tokenHash
                join task in db.Tasks.AsNoTracking() on link.TaskId equals task.Id into tasks
                from task in tasks.DefaultIfEmpty()
                join instance in db.Instances.AsNoTracking() on task!.InstanceId equals instance.Id into instances
                from instance in instances.DefaultIfEmpty()
                join definition in db.ProcessDefinitions.AsNoTracking() on instance!.DefinitionId equals definition.Id into definitions
                from definition in definitions.DefaultIfEmpty()
                select new { link, task, instance, Name = definition == null ? null : definition.Name, DeploymentId = definition == null ? (Guid?)null : definition.DeploymentId })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        return new TaskLinkView(row.link, row.task is null || row.instance is null
            ? null
            : await ViewAsync(db, row.task, row.instance, row.Name, row.DeploymentId, cancellationToken));
    }

    // The task with its instance and process name, and the form its key names: the version deployed with the process when the
    // key says so, else (or when that is gone) the latest.
    private static async Task<TaskView> ViewAsync(EngineDbContext db, UserTaskRecord task, InstanceRecord instance, string? processName, Guid? deploymentId,
        CancellationToken cancellationToken)
    {
        FormDefinitionRecord? form = null;
        if (Deployment.FormFiles.Parse(task.FormKey) is { } key)
        {
            var sameDeployment = key.SameDeployment ? deploymentId : null;
            form = await db.Forms.AsNoTracking().Where(f => f.Key == key.Key)
                .OrderByDescending(f => sameDeployment != null && f.DeploymentId == sameDeployment).ThenByDescending(f => f.Version)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new TaskView(task, instance, processName ?? instance.DefinitionKey, form);
    }

    public async Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        if (filter is { InstanceId: { } instanceId } && filter with { InstanceId = null, Status = UserTaskStatus.Open } == new TaskFilter())
        {
            // The tasks of one instance (Camunda's GET /task?processInstanceId=): what a client asks after every start.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await TasksOfInstanceQuery(db)(db, instanceId, filter.Status).ToListAsync(cancellationToken);
        }

        var tasks = await ListAsync(db => Matching(db.Tasks, filter).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id), cancellationToken);

        // The database narrows by substring; the exact comma-separated match is checked here.
        return tasks.Where(t => (filter.CandidateGroup is null || TaskCandidates.Contains(t.CandidateGroups, filter.CandidateGroup))
                && (filter.CandidateUser is null || TaskCandidates.Contains(t.CandidateUsers, filter.CandidateUser)))
            .ToList();
    }

    public async Task<IReadOnlyList<PersonalTask>> ListPersonalTasksAsync(string person, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from task in db.Tasks.AsNoTracking()
                where task.Status == UserTaskStatus.Open
                    && (task.Assignee == person || task.Owner == person
                        || (task.Assignee == null && (task.CandidateGroups != null || task.CandidateUsers!.Contains(person))))
                join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
                join definition in db.ProcessDefinitions.AsNoTracking() on instance.DefinitionId equals definition.Id into definitions
                from definition in definitions.DefaultIfEmpty()
                orderby task.CreatedAt, task.Id
                select new { task, Name = definition == null ? instance.DefinitionKey : definition.Name ?? instance.DefinitionKey, instance.BusinessKey })
            .ToListAsync(cancellationToken);

        // The database narrows candidate users by substring; the exact comma-separated match is checked here.
        return rows.Where(r => r.task.Assignee is not null || r.task.Owner == person || r.task.CandidateGroups is not null
                || TaskCandidates.Contains(r.task.CandidateUsers, person))
            .Select(r => new PersonalTask(r.task, r.Name, r.BusinessKey)).ToList();
    }

    public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken) =>
        ListAsync(db => (instanceId is { } id ? db.Incidents.Where(i => i.InstanceId == id) : db.Incidents).OrderBy(i => i.CreatedAt), cancellationToken);

    public async Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken) =>
        (await ListAsync(db => db.HistorySteps.Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id), cancellationToken))
            .SelectMany(h => h.Unpack()).ToList();

    public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Outbox.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit), cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> ListOutboxOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ListAsync(db => db.Outbox.Where(o => o.InstanceId == instanceId).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id), cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> FindDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.DueAt <= now).OrderBy(o => o.DueAt).Take(limit), cancellationToken);

    public Task<IReadOnlyList<TimerRecord>> FindDueTimersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(limit), cancellationToken);

    public Task<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Jobs.Where(j => j.DueAt <= now && j.RetriesLeft > 0).OrderBy(j => j.DueAt).Take(limit), cancellationToken);

    // Compiled once per model (PostgreSQL and SQLite have their own; a compiled query serves one): Entity Framework then
    // skips walking the expression and looking up its cache on every call. Kept on the model, as RowShape is, not in a static.
    private static Func<EngineDbContext, Guid, UserTaskStatus, IAsyncEnumerable<UserTaskRecord>> TasksOfInstanceQuery(EngineDbContext db) =>
        db.Model.GetOrAddRuntimeAnnotationValue("FourDuty:TasksOfInstance", static _ =>
            EF.CompileAsyncQuery<EngineDbContext, Guid, UserTaskStatus, UserTaskRecord>((db, instanceId, status) =>
                db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == status).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)),
            (object?)null);

    // Each condition is added only when the filter has it: the query then carries plain parameters, which EF Core
    // caches by shape, instead of "@p IS NULL OR ..." terms whose null checks it would compile on every call.
    private static IQueryable<InstanceRecord> Matching(IQueryable<InstanceRecord> instances, InstanceFilter filter)
    {
        if (filter.DefinitionKey is { } key)
        {
            instances = instances.Where(i => i.DefinitionKey == key);
        }

        if (filter.Status is { } status)
        {
            instances = instances.Where(i => i.Status == status);
        }

        if (filter.BusinessKey is { } businessKey)
        {
            instances = instances.Where(i => i.BusinessKey == businessKey);
        }

        if (filter.ParentInstanceId is { } parent)
        {
            instances = instances.Where(i => i.ParentInstanceId == parent);
        }

        return instances;
    }

    private static IQueryable<UserTaskRecord> Matching(IQueryable<UserTaskRecord> tasks, TaskFilter filter)
    {
        var status = filter.Status;
        tasks = tasks.Where(t => t.Status == status);
        if (filter.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }

        if (filter.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }

        if (filter.DueBefore is { } dueBefore)
        {
            tasks = tasks.Where(t => t.DueAt <= dueBefore);
        }

        if (filter.DueFrom is { } dueFrom)
        {
            tasks = tasks.Where(t => t.DueAt >= dueFrom);
        }

        if (filter.CandidateGroup is { } group)
        {
            tasks = tasks.Where(t => t.CandidateGroups!.Contains(group));
        }

        if (filter.CandidateUser is { } user)
        {
            tasks = tasks.Where(t => t.CandidateUsers!.Contains(user));
        }

        return tasks;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(Func<EngineDbContext, IQueryable<T>> query, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await query(db).AsNoTracking().ToListAsync(cancellationToken);
    }
}
