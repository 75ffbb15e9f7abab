using System.Data.Common;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Reads instances with everything running in them in one round trip (one batch of nine result sets) instead of nine
/// queries, and hands the rows to Entity Framework to track, so the step's changes are found as before. The instances
/// are picked by their ids (a batch of timers loads all its instances at once), by a task they hold (that task, in any
/// state, comes with the instance's open tasks, read once) or by a task link (the link, tracked, first): the step's one read.
/// A step's rows are tracked by its <see cref="PostgresStepRows"/>; a query's are not tracked at all.
/// </summary>
internal static class PostgresInstanceLoader
{
    /// <summary>
    /// The instances of <paramref name="instanceIds"/> that exist, each with its rows; tracked by <paramref name="rows"/> for a
    /// step to change, or not (null) for a query to show.
    /// </summary>
    public static async Task<IReadOnlyList<LoadedInstance>> LoadAsync(EngineDbContext db, PostgresStepRows? rows, IReadOnlyCollection<Guid> instanceIds,
        CancellationToken cancellationToken) =>
        (await LoadAsync(db, Pick.ByIds, instanceIds.ToArray(), rows, cancellationToken)).Instances;

    /// <summary>A task in any state (not tracked) and the instance that holds it, in the same single round trip.</summary>
    public static async Task<(UserTaskRecord? Task, LoadedInstance? Instance)> LoadByTaskAsync(PostgresStepRows rows, Guid taskId,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(rows.Db, Pick.ByTask, taskId, rows, cancellationToken);
        return (loaded.Task, loaded.Instances.SingleOrDefault());
    }

    /// <summary>A task link (tracked: the step marks it used), its task in any state (not tracked) and that task's instance, in one round trip.</summary>
    public static async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, LoadedInstance? Instance)> LoadByTaskLinkAsync(PostgresStepRows rows,
        string tokenHash, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(rows.Db, Pick.ByTaskLink, tokenHash, rows, cancellationToken);
        return (loaded.Link, loaded.Task, loaded.Instances.SingleOrDefault());
    }

    private enum Pick
    {
        ByIds,
        ByTask,
        ByTaskLink,
    }

    // Every statement picks the instances itself (by "instance_id" of the task's row, looked up by PostgreSQL inside each
    // statement), so the client waits for one answer only.
    private static async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, List<LoadedInstance> Instances)> LoadAsync(EngineDbContext db, Pick pick,
        object key, PostgresStepRows? rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var batch = new NpgsqlBatch(connection);
            var tasks = Table<UserTaskRecord>(db);
            var links = Table<TaskLinkRecord>(db);
            var taskId = pick == Pick.ByTaskLink ? $"(SELECT task_id FROM {links} WHERE token_hash = $1)" : "$1";
            var owners = pick == Pick.ByIds ? "= ANY($1)" : $"= (SELECT instance_id FROM {tasks} WHERE id = {taskId})";
            if (pick == Pick.ByTaskLink)
            {
                Add<TaskLinkRecord>(db, batch, "token_hash", "= $1", key);
            }

            Add<InstanceRecord>(db, batch, "id", owners, key);
            Add<TokenRecord>(db, batch, "instance_id", owners, key);
            Add<ScopeRecord>(db, batch, "instance_id", owners, key);
            Add<VariableRecord>(db, batch, "instance_id", owners, key);
            // The instance's open tasks and, when a task picked the instance, that task in whatever state: read once.
            Add<UserTaskRecord>(db, batch, "instance_id", owners, key,
                pick == Pick.ByIds ? $" AND status = '{UserTaskStatus.Open}'" : $" AND (status = '{UserTaskStatus.Open}' OR id = {taskId})");
            Add<TimerRecord>(db, batch, "instance_id", owners, key);
            Add<SubscriptionRecord>(db, batch, "instance_id", owners, key);
            Add<JobRecord>(db, batch, "instance_id", owners, key);
            Add<IncidentRecord>(db, batch, "instance_id", owners, key);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            TaskLinkRecord? link = null;
            UserTaskRecord? task = null;
            if (pick == Pick.ByTaskLink)
            {
                link = (await ReadAsync<TaskLinkRecord>(db, reader, rows, cancellationToken)).SingleOrDefault();
                await reader.NextResultAsync(cancellationToken);
            }

            var instances = await ReadAsync<InstanceRecord>(db, reader, rows, cancellationToken);
            var tokens = await NextAsync<TokenRecord>(db, reader, rows, cancellationToken);
            var scopes = await NextAsync<ScopeRecord>(db, reader, rows, cancellationToken);
            var variables = await NextAsync<VariableRecord>(db, reader, rows, cancellationToken);
            var openTasks = await NextAsync<UserTaskRecord>(db, reader, rows: null, cancellationToken);
            if (pick != Pick.ByIds)
            {
                // The picked task is returned in any state; only open tasks belong to the instance the step works on.
                var picked = pick == Pick.ByTaskLink ? link?.TaskId : (Guid)key;
                task = openTasks.FirstOrDefault(t => t.Id == picked);
                openTasks.RemoveAll(t => t.Status != UserTaskStatus.Open);
            }

            if (rows is not null)
            {
                openTasks = openTasks.Select(rows.Attach).ToList();
            }

            var timers = await NextAsync<TimerRecord>(db, reader, rows, cancellationToken);
            var subscriptions = await NextAsync<SubscriptionRecord>(db, reader, rows, cancellationToken);
            var jobs = await NextAsync<JobRecord>(db, reader, rows, cancellationToken);
            var incidents = await NextAsync<IncidentRecord>(db, reader, rows, cancellationToken);
            var loaded = instances.Count == 1
                ? [new LoadedInstance(instances[0], new InstanceRows(tokens, scopes, variables, openTasks, timers, subscriptions, jobs, incidents))]
                : instances.Select(i => new LoadedInstance(i, new InstanceRows(
                    tokens.Where(r => r.InstanceId == i.Id), scopes.Where(r => r.InstanceId == i.Id), variables.Where(r => r.InstanceId == i.Id),
                    openTasks.Where(r => r.InstanceId == i.Id), timers.Where(r => r.InstanceId == i.Id), subscriptions.Where(r => r.InstanceId == i.Id),
                    jobs.Where(r => r.InstanceId == i.Id), incidents.Where(r => r.InstanceId == i.Id)))).ToList();
            return (link, task, loaded);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string Table<T>(EngineDbContext db) => RowShape.Of(db.Model.FindEntityType(typeof(T))!).Table;

    private static void Add<T>(EngineDbContext db, NpgsqlBatch batch, string column, string condition, object key, string filter = "")
    {
        var shape = RowShape.Of(db.Model.FindEntityType(typeof(T))!);
        var command = new NpgsqlBatchCommand($"SELECT {shape.ColumnList} FROM {shape.Table} WHERE \"{column}\" {condition}{filter}");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        batch.BatchCommands.Add(command);
    }

    private static async Task<List<T>> NextAsync<T>(EngineDbContext db, DbDataReader reader, PostgresStepRows? rows, CancellationToken cancellationToken)
        where T : class, new()
    {
        await reader.NextResultAsync(cancellationToken);
        return await ReadAsync<T>(db, reader, rows, cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(EngineDbContext db, DbDataReader reader, PostgresStepRows? tracker, CancellationToken cancellationToken)
        where T : class, new()
    {
        var shape = RowShape.Of(db.Model.FindEntityType(typeof(T))!);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new T();
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var column = shape.Columns[i];
                column.Set(row, column.FromColumn(reader.GetValue(i)));
            }

            rows.Add(tracker is null ? row : tracker.Attach(row));
        }

        return rows;
    }
}
