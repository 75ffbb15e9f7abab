using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

internal sealed class EfEngineQueries(IDbContextFactory<EngineDbContext> contexts) : IEngineQueries
{
    public Task<IReadOnlyList<ProcessDefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken cancellationToken) =>
        ListAsync(db => db.ProcessDefinitions.Where(d => key == null || d.Key == key).OrderBy(d => d.Key).ThenBy(d => d.Version), cancellationToken);

    public async Task<InstanceSnapshot?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
        ListAsync(db => db.Instances
            .Where(i => filter.DefinitionKey == null || i.DefinitionKey == filter.DefinitionKey)
            .Where(i => filter.Status == null || i.Status == filter.Status)
            .Where(i => filter.BusinessKey == null || i.BusinessKey == filter.BusinessKey)
            .Where(i => filter.ParentInstanceId == null || i.ParentInstanceId == filter.ParentInstanceId)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id), cancellationToken);

    public async Task<UserTaskRecord?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
    }

    public async Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        var tasks = await ListAsync(db => db.Tasks
            .Where(t => t.Status == filter.Status)
            .Where(t => filter.Assignee == null || t.Assignee == filter.Assignee)
            .Where(t => filter.InstanceId == null || t.InstanceId == filter.InstanceId)
            .Where(t => filter.DueBefore == null || t.DueAt <= filter.DueBefore)
            .Where(t => filter.CandidateGroup == null || t.CandidateGroups!.Contains(filter.CandidateGroup))
            .Where(t => filter.CandidateUser == null || t.CandidateUsers!.Contains(filter.CandidateUser))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id), cancellationToken);

        // The database narrows by substring; the exact comma-separated match is checked here.
        return tasks.Where(t => (filter.CandidateGroup is null || TaskCandidates.Contains(t.CandidateGroups, filter.CandidateGroup))
                && (filter.CandidateUser is null || TaskCandidates.Contains(t.CandidateUsers, filter.CandidateUser)))
            .ToList();
    }

    public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken) =>
        ListAsync(db => db.Incidents.Where(i => instanceId == null || i.InstanceId == instanceId).OrderBy(i => i.CreatedAt), cancellationToken);

    public Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ListAsync(db => db.History.Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id), cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Outbox.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit), cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> FindDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.DueAt <= now).OrderBy(o => o.DueAt).Take(limit), cancellationToken);

    public Task<IReadOnlyList<TimerRecord>> FindDueTimersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(limit), cancellationToken);

    public Task<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(db => db.Jobs.Where(j => j.DueAt <= now && j.RetriesLeft > 0).OrderBy(j => j.DueAt).Take(limit), cancellationToken);

    private async Task<IReadOnlyList<T>> ListAsync<T>(Func<EngineDbContext, IQueryable<T>> query, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await query(db).AsNoTracking().ToListAsync(cancellationToken);
    }
}
