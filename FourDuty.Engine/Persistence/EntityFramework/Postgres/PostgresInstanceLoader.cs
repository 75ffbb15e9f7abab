using System.Data.Common;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Reads an instance with everything running in it in one round trip (one batch, nine result sets) instead of nine
/// queries — by its id, or by a task it holds (with that task, in any state, as a tenth) — and hands the rows to Entity Framework to track, so the step's changes are found as before.
/// </summary>
internal static class PostgresInstanceLoader
{
    public static async Task<(InstanceRecord Instance, InstanceRows Rows)?> LoadAsync(EngineDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, instanceId, byTask: false, cancellationToken)).Instance;

    /// <summary>A task in any state (not tracked) and the instance that holds it, in the same single round trip.</summary>
    public static Task<(UserTaskRecord? Task, (InstanceRecord Instance, InstanceRows Rows)? Instance)> LoadByTaskAsync(EngineDbContext db, Guid taskId,
        CancellationToken cancellationToken) =>
        LoadAsync(db, taskId, byTask: true, cancellationToken);

    // Every statement picks the instance by its id, or by the task it holds ("instance_id" of the task's row, looked up by
    // PostgreSQL inside each statement, so the client waits for one answer only).
    private static async Task<(UserTaskRecord? Task, (InstanceRecord Instance, InstanceRows Rows)? Instance)> LoadAsync(EngineDbContext db, Guid id,
        bool byTask, CancellationToken cancellationToken)
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
            var owner = byTask ? $"(SELECT instance_id FROM {RowShape.Of(db.Model.FindEntityType(typeof(UserTaskRecord))!).Table} WHERE id = $1)" : "$1";
            if (byTask)
            {
                Add<UserTaskRecord>(db, batch, "id", "$1", id);
            }

            Add<InstanceRecord>(db, batch, "id", owner, id);
            Add<TokenRecord>(db, batch, "instance_id", owner, id);
            Add<ScopeRecord>(db, batch, "instance_id", owner, id);
            Add<VariableRecord>(db, batch, "instance_id", owner, id);
            Add<UserTaskRecord>(db, batch, "instance_id", owner, id, $" AND status = '{UserTaskStatus.Open}'");
            Add<TimerRecord>(db, batch, "instance_id", owner, id);
            Add<SubscriptionRecord>(db, batch, "instance_id", owner, id);
            Add<JobRecord>(db, batch, "instance_id", owner, id);
            Add<IncidentRecord>(db, batch, "instance_id", owner, id);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            UserTaskRecord? task = null;
            if (byTask)
            {
                task = (await ReadAsync<UserTaskRecord>(db, reader, attach: false, cancellationToken)).SingleOrDefault();
                await reader.NextResultAsync(cancellationToken);
            }

            var instance = (await ReadAsync<InstanceRecord>(db, reader, attach: true, cancellationToken)).SingleOrDefault();
            if (instance is null)
            {
                return (task, null);
            }

            var rows = new InstanceRows(
                await NextAsync<TokenRecord>(db, reader, cancellationToken),
                await NextAsync<ScopeRecord>(db, reader, cancellationToken),
                await NextAsync<VariableRecord>(db, reader, cancellationToken),
                await NextAsync<UserTaskRecord>(db, reader, cancellationToken),
                await NextAsync<TimerRecord>(db, reader, cancellationToken),
                await NextAsync<SubscriptionRecord>(db, reader, cancellationToken),
                await NextAsync<JobRecord>(db, reader, cancellationToken),
                await NextAsync<IncidentRecord>(db, reader, cancellationToken));
            return (task, (instance, rows));
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void Add<T>(EngineDbContext db, NpgsqlBatch batch, string column, string value, Guid id, string filter = "")
    {
        var shape = RowShape.Of(db.Model.FindEntityType(typeof(T))!);
        var command = new NpgsqlBatchCommand($"SELECT {string.Join(", ", shape.Columns.Select(c => c.Name))} FROM {shape.Table} WHERE \"{column}\" = {value}{filter}");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        batch.BatchCommands.Add(command);
    }

    private static async Task<List<T>> NextAsync<T>(EngineDbContext db, DbDataReader reader, CancellationToken cancellationToken)
        where T : class, new()
    {
        await reader.NextResultAsync(cancellationToken);
        return await ReadAsync<T>(db, reader, attach: true, cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(EngineDbContext db, DbDataReader reader, bool attach, CancellationToken cancellationToken)
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
                column.Property.PropertyInfo!.SetValue(row, column.FromColumn(reader.GetValue(i)));
            }

            if (attach)
            {
                db.Attach(row);
            }

            rows.Add(row);
        }

        return rows;
    }
}
