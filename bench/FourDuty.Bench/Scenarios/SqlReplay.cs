using System.Data.Common;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// The floor under the engine: the SQL of one captured start step sent again by hand through Npgsql — the same
/// statements and rows, fresh ids — by the same number of workers. It shows what the database and the driver cost for
/// the step's work, without EF Core and the engine; and what fewer round trips would give.
/// </summary>
internal static class SqlReplay
{
    /// <summary>How the captured commands are sent.</summary>
    public enum Shape
    {
        /// <summary>As EF Core sends them: the definition SELECT on one connection use; then BEGIN, the INSERT batch, COMMIT (3 round trips).</summary>
        AsSent,

        /// <summary>The same without the explicit transaction: PostgreSQL runs a multi-statement batch atomically (2 round trips).</summary>
        NoExplicitTransaction,

        /// <summary>Only the INSERT batch, no definition SELECT, no explicit transaction (1 round trip).</summary>
        WritesOnly,
    }

    public static async Task<WorkerTimes> RunAsync(NpgsqlDataSource database, IReadOnlyList<CapturedCommand> step, Shape shape, int count, int workers)
    {
        var reads = step.Where(c => c.Text.StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        var writes = step.Except(reads).ToList();
        return await InstanceWorkers.RunAsync(count, workers, async () =>
        {
            // Every id in the step becomes a new one, the same new one wherever it recurs, so rows stay linked and unique.
            var ids = new Dictionary<Guid, Guid>();
            if (shape != Shape.WritesOnly)
            {
                await using var connection = await database.OpenConnectionAsync();
                foreach (var read in reads)
                {
                    await using var command = Command(read, connection, ids);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                }
            }

            await using (var connection = await database.OpenConnectionAsync())
            {
                await using var transaction = shape == Shape.AsSent ? await connection.BeginTransactionAsync() : null;
                foreach (var write in writes)
                {
                    await using var command = Command(write, connection, ids);
                    command.Transaction = transaction;
                    await command.ExecuteNonQueryAsync();
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync();
                }
            }
        });
    }

    private static NpgsqlCommand Command(CapturedCommand captured, NpgsqlConnection connection, Dictionary<Guid, Guid> ids)
    {
        var command = new NpgsqlCommand(captured.Text, connection);
        foreach (var parameter in captured.Parameters)
        {
            var copy = (NpgsqlParameter)((ICloneable)parameter).Clone();
            if (copy.Value is Guid id)
            {
                copy.Value = ids.TryGetValue(id, out var fresh) ? fresh : ids[id] = Guid.CreateVersion7();
            }

            command.Parameters.Add(copy);
        }

        return command;
    }
}
