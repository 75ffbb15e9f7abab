using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Writes a step's changes to PostgreSQL in one round trip: a single batch, which PostgreSQL runs as one implicit
/// transaction — all of it or none of it. Rows with a concurrency token (the instance revision above all) are
/// checked inside the batch by <c>fourduty.expect_one</c>, which raises when another step changed the row first,
/// so a lost race rolls back everything before it is ever committed. Added rows of one table go in one
/// multi-row INSERT. Entity Framework still reads and tracks; this replaces only its SaveChanges, whose
/// statement-by-statement pipeline and separate COMMIT cost more than the engine's own work.
/// </summary>
internal static class PostgresStepWriter
{
    private const int RowsPerInsert = 200;

    /// <summary>Writes the tracked changes; the caller has detected them (<c>DetectChanges</c>) once, after the step's last change.</summary>
    public static async Task WriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();

        // Checked first: a lost race fails before anything else runs.
        foreach (var entry in entries.Where(e => e.State == EntityState.Modified).OrderBy(e => RowShape.Of(e.Metadata).Tokens.Count == 0))
        {
            AddUpdate(batch, entry);
        }

        foreach (var group in entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata))
        {
            foreach (var chunk in group.Chunk(RowsPerInsert))
            {
                AddInsert(batch, RowShape.Of(group.Key), chunk);
            }
        }

        foreach (var entry in entries.Where(e => e.State == EntityState.Deleted))
        {
            AddDelete(batch, entry);
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void AddInsert(NpgsqlBatch batch, RowShape shape, IReadOnlyList<EntityEntry> rows)
    {
        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder($"INSERT INTO {shape.Table} ({shape.ColumnList}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            var values = rows[r].CurrentValues;
            for (var c = 0; c < shape.Columns.Count; c++)
            {
                var column = shape.Columns[c];
                sql.Append(c == 0 ? "" : ", ").Append(Parameter(command, column, values[column.Property]));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        batch.BatchCommands.Add(command);
    }

    private static void AddUpdate(NpgsqlBatch batch, EntityEntry entry)
    {
        var shape = RowShape.Of(entry.Metadata);
        var changed = shape.Columns.Where(c => entry.Property(c.Property).IsModified).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand();
        var set = string.Join(", ", changed.Select(c => $"{c.Name} = {Parameter(command, c, entry.Property(c.Property).CurrentValue)}"));
        var where = Where(command, shape, entry);
        command.CommandText = Guarded(shape, $"UPDATE {shape.Table} SET {set} WHERE {where}", entry);
        batch.BatchCommands.Add(command);
    }

    private static void AddDelete(NpgsqlBatch batch, EntityEntry entry)
    {
        var shape = RowShape.Of(entry.Metadata);
        var command = new NpgsqlBatchCommand();
        command.CommandText = Guarded(shape, $"DELETE FROM {shape.Table} WHERE {Where(command, shape, entry)}", entry);
        batch.BatchCommands.Add(command);
    }

    // The key, and every concurrency token at the value this step read.
    private static string Where(NpgsqlBatchCommand command, RowShape shape, EntityEntry entry) =>
        string.Join(" AND ", new[] { shape.Key }.Concat(shape.Tokens)
            .Select(c => $"{c.Name} = {Parameter(command, c, entry.Property(c.Property).OriginalValue)}"));

    // A row with a concurrency token must be hit exactly once, or the whole batch rolls back.
    private static string Guarded(RowShape shape, string statement, EntityEntry entry) =>
        shape.Tokens.Count == 0
            ? statement
            : $"WITH changed AS ({statement} RETURNING 1) SELECT \"{EngineDbContext.Schema}\".expect_one((SELECT count(*) FROM changed), '{entry.Metadata.GetTableName()}')";

    private static string Parameter(NpgsqlBatchCommand command, RowShape.Column column, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = column.ToParameter(value), DataTypeName = column.StoreType });
        return $"${command.Parameters.Count}";
    }
}
