using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Reads instances with everything running in them in one round trip and one statement (<see cref="InstanceLoadStatement"/>:
/// the rows of every table as one result), and hands the rows to the step's <see cref="PostgresStepRows"/> to track, or
/// to nobody for a query. The instances are picked by their ids (a batch of timers loads all its instances at once), by a
/// task they hold (that task, in any state, comes with the instance's open tasks, read once) or by a task link (the link,
/// tracked, first): the step's one read.
/// </summary>
internal static class PostgresInstanceLoader
{
    /// <summary>
    /// The instances of <paramref name="instanceIds"/> that exist, each with its rows; tracked by <paramref name="rows"/> for a
    /// step to change, or not (null) for a query to show.
    /// </summary>
    public static async Task<IReadOnlyList<LoadedInstance>> LoadAsync(EngineDbContext db, PostgresStepRows? rows, IReadOnlyCollection<Guid> instanceIds,
        CancellationToken cancellationToken) =>
        (await LoadAsync(db, InstanceLoadStatement.Pick.ByIds, instanceIds.ToArray(), rows, cancellationToken)).Instances;

    /// <summary>A task in any state (not tracked) and the instance that holds it, in the same single round trip.</summary>
    public static async Task<(UserTaskRecord? Task, LoadedInstance? Instance)> LoadByTaskAsync(PostgresStepRows rows, Guid taskId,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(rows.Db, InstanceLoadStatement.Pick.ByTask, taskId, rows, cancellationToken);
        return (loaded.Task, loaded.Instances.SingleOrDefault());
    }

    /// <summary>A task link (tracked: the step marks it used), its task in any state (not tracked) and that task's instance, in one round trip.</summary>
    public static async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, LoadedInstance? Instance)> LoadByTaskLinkAsync(PostgresStepRows rows,
        string tokenHash, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(rows.Db, InstanceLoadStatement.Pick.ByTaskLink, tokenHash, rows, cancellationToken);
        return (loaded.Link, loaded.Task, loaded.Instances.SingleOrDefault());
    }

    private static async Task<(TaskLinkRecord? Link, UserTaskRecord? Task, List<LoadedInstance> Instances)> LoadAsync(EngineDbContext db,
        InstanceLoadStatement.Pick pick, object key, PostgresStepRows? rows, CancellationToken cancellationToken)
    {
        var statement = InstanceLoadStatement.Of(db.Model, pick);
        var read = InstanceLoadStatement.NewResult();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(statement.Sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                statement.ReadRow(reader, read);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        var link = Rows<TaskLinkRecord>(read, InstanceLoadStatement.Part.Link, rows).SingleOrDefault();
        var instances = Rows<InstanceRecord>(read, InstanceLoadStatement.Part.Instance, rows);
        var tokens = Rows<TokenRecord>(read, InstanceLoadStatement.Part.Token, rows);
        var scopes = Rows<ScopeRecord>(read, InstanceLoadStatement.Part.Scope, rows);
        var variables = Rows<VariableRecord>(read, InstanceLoadStatement.Part.Variable, rows);
        var openTasks = Rows<UserTaskRecord>(read, InstanceLoadStatement.Part.Task, tracker: null);
        UserTaskRecord? task = null;
        if (pick != InstanceLoadStatement.Pick.ByIds)
        {
            // The picked task is returned in any state; only open tasks belong to the instance the step works on.
            var picked = pick == InstanceLoadStatement.Pick.ByTaskLink ? link?.TaskId : (Guid)key;
            task = openTasks.FirstOrDefault(t => t.Id == picked);
            openTasks.RemoveAll(t => t.Status != UserTaskStatus.Open);
        }

        if (rows is not null)
        {
            openTasks = openTasks.Select(rows.Attach).ToList();
        }

        var timers = Rows<TimerRecord>(read, InstanceLoadStatement.Part.Timer, rows);
        var subscriptions = Rows<SubscriptionRecord>(read, InstanceLoadStatement.Part.Subscription, rows);
        var jobs = Rows<JobRecord>(read, InstanceLoadStatement.Part.Job, rows);
        var incidents = Rows<IncidentRecord>(read, InstanceLoadStatement.Part.Incident, rows);
        var loaded = instances.Count == 1
            ? [new LoadedInstance(instances[0], new InstanceRows(tokens, scopes, variables, openTasks, timers, subscriptions, jobs, incidents))]
            : instances.Select(i => new LoadedInstance(i, new InstanceRows(
                tokens.Where(r => r.InstanceId == i.Id), scopes.Where(r => r.InstanceId == i.Id), variables.Where(r => r.InstanceId == i.Id),
                openTasks.Where(r => r.InstanceId == i.Id), timers.Where(r => r.InstanceId == i.Id), subscriptions.Where(r => r.InstanceId == i.Id),
                jobs.Where(r => r.InstanceId == i.Id), incidents.Where(r => r.InstanceId == i.Id)))).ToList();
        return (link, task, loaded);
    }

    // The rows of one part, in the order read, tracked by the step (a row it already holds comes back as that object) or not.
    private static List<T> Rows<T>(List<object>[] read, InstanceLoadStatement.Part part, PostgresStepRows? tracker)
        where T : class
    {
        var found = read[(int)part];
        var rows = new List<T>(found.Count);
        foreach (var row in found)
        {
            rows.Add(tracker is null ? (T)row : tracker.Attach((T)row));
        }

        return rows;
    }
}
