using FourDuty.Engine.Persistence;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// The floor under the engine: the rows one start step wrote, read back from the database and written again by hand
/// through Npgsql — every table's rows in one multi-row INSERT, fresh ids — by the same number of workers. It shows what
/// the database and the driver cost for the step's writes, without EF Core and the engine.
/// </summary>
internal static class SqlReplay
{
    /// <summary>How the rows are sent.</summary>
    public enum Shape
    {
        /// <summary>One batch, which PostgreSQL runs as one implicit transaction: one round trip, as the engine sends a step.</summary>
        OneBatch,

        /// <summary>The same batch between BEGIN and COMMIT: three round trips, as EF Core's SaveChanges sends a step.</summary>
        ExplicitTransaction,
    }

    /// <summary>Every row that belongs to <paramref name="instanceId"/>, table by table, as the database holds it.</summary>
    public static async Task<IReadOnlyList<TableRows>> ReadAsync(NpgsqlDataSource database, Guid instanceId)
    {
        var tables = new List<string> { "instances" };
        await using (var command = database.CreateCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'instance_id' ORDER BY table_name"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = EngineDbContext.Schema });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new List<TableRows>();
        foreach (var table in tables)
        {
            var key = table == "instances" ? "id" : "instance_id";
            await using var command = database.CreateCommand($"SELECT * FROM \"{EngineDbContext.Schema}\".\"{table}\" WHERE {key} = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (Name: reader.GetName(i), Type: reader.GetPostgresType(i).Name)).ToList();
            var rows = new List<object[]>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }

            if (rows.Count > 0)
            {
                result.Add(new TableRows(table, columns, rows));
            }
        }

        return result;
    }

    public static Task<WorkerTimes> RunAsync(NpgsqlDataSource database, IReadOnlyList<TableRows> step, Shape shape, int count, int workers) =>
        InstanceWorkers.RunAsync(count, workers, async () =>
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = shape == Shape.ExplicitTransaction ? await connection.BeginTransactionAsync() : null;
            await using var batch = Batch(step, connection);
            batch.Transaction = transaction;
            await batch.ExecuteNonQueryAsync();
            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }
        });

    // Every id becomes a new one, the same new one wherever it recurs, so that rows stay linked and unique.
    private static NpgsqlBatch Batch(IReadOnlyList<TableRows> step, NpgsqlConnection connection)
    {
        var ids = new Dictionary<Guid, Guid>();
        var batch = new NpgsqlBatch(connection);
        foreach (var table in step)
        {
            var command = new NpgsqlBatchCommand();
            var rows = table.Rows.Select(row => "(" + string.Join(", ", row.Select((value, c) =>
            {
                command.Parameters.Add(new NpgsqlParameter
                {
                    Value = value is Guid id ? (ids.TryGetValue(id, out var fresh) ? fresh : ids[id] = Guid.CreateVersion7()) : value,
                    DataTypeName = table.Columns[c].Type,
                });
                return $"${command.Parameters.Count}";
            })) + ")");
            command.CommandText = $"INSERT INTO \"{EngineDbContext.Schema}\".\"{table.Table}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES {string.Join(", ", rows)}";
            batch.BatchCommands.Add(command);
        }

        return batch;
    }
}

/// <summary>One table's rows of a step: column names and PostgreSQL types, and the values.</summary>
internal sealed record TableRows(string Table, IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<object[]> Rows);
