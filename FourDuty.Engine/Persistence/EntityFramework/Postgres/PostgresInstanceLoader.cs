using System.Data.Common;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Reads an instance with everything running in it in one round trip (one batch, nine result sets) instead of nine
/// queries, and hands the rows to Entity Framework to track, so the step's changes are found as before.
/// </summary>
internal static class PostgresInstanceLoader
{
    public static async Task<(InstanceRecord Instance, InstanceRows Rows)?> LoadAsync(EngineDbContext db, Guid instanceId, CancellationToken cancellationToken)
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
            Add<InstanceRecord>(db, batch, "id", instanceId);
            Add<TokenRecord>(db, batch, "instance_id", instanceId);
            Add<ScopeRecord>(db, batch, "instance_id", instanceId);
            Add<VariableRecord>(db, batch, "instance_id", instanceId);
            Add<UserTaskRecord>(db, batch, "instance_id", instanceId, $" AND status = '{UserTaskStatus.Open}'");
            Add<TimerRecord>(db, batch, "instance_id", instanceId);
            Add<SubscriptionRecord>(db, batch, "instance_id", instanceId);
            Add<JobRecord>(db, batch, "instance_id", instanceId);
            Add<IncidentRecord>(db, batch, "instance_id", instanceId);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var instance = (await ReadAsync<InstanceRecord>(db, reader, cancellationToken)).SingleOrDefault();
            if (instance is null)
            {
                return null;
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
            return (instance, rows);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void Add<T>(EngineDbContext db, NpgsqlBatch batch, string column, Guid id, string filter = "")
    {
        var shape = RowShape.Of(db.Model.FindEntityType(typeof(T))!);
        var command = new NpgsqlBatchCommand($"SELECT {string.Join(", ", shape.Columns.Select(c => c.Name))} FROM {shape.Table} WHERE \"{column}\" = $1{filter}");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        batch.BatchCommands.Add(command);
    }

    private static async Task<List<T>> NextAsync<T>(EngineDbContext db, DbDataReader reader, CancellationToken cancellationToken)
        where T : class, new()
    {
        await reader.NextResultAsync(cancellationToken);
        return await ReadAsync<T>(db, reader, cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(EngineDbContext db, DbDataReader reader, CancellationToken cancellationToken)
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

            db.Attach(row);
            rows.Add(row);
        }

        return rows;
    }
}
