using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Writes a step's changes to PostgreSQL in one round trip: a single batch, which PostgreSQL runs as one implicit
/// transaction — all of it or none of it. Rows with a concurrency token (the instance revision above all) are
/// checked inside the batch by <c>fourduty.expect_one</c>, which raises when another step changed the row first,
/// so a lost race rolls back everything before it is ever committed. Added rows of one table go in one
/// multi-row INSERT. The rows and their changes come from <see cref="PostgresStepRows"/>.
/// </summary>
internal static class PostgresStepWriter
{
    private const int RowsPerInsert = 200;

    /// <summary>Writes the changes of the step's tracked rows; the step has made its last change.</summary>
    public static async Task WriteAsync(PostgresStepRows rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)rows.Db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);

        // Checked first: a lost race fails before anything else runs.
        foreach (var (row, changed) in rows.Modified().OrderBy(m => m.Row.Shape.Tokens.Count == 0))
        {
            AddUpdate(batch, row, changed);
        }

        foreach (var group in rows.Added().GroupBy(r => r.Shape))
        {
            foreach (var chunk in group.Chunk(RowsPerInsert))
            {
                AddInsert(batch, group.Key, chunk);
            }
        }

        foreach (var row in rows.Removed())
        {
            AddDelete(batch, row);
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

    private static void AddInsert(NpgsqlBatch batch, RowShape shape, IReadOnlyList<PostgresStepRows.TrackedRow> rows)
    {
        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder($"INSERT INTO {shape.Table} ({shape.ColumnList}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < shape.Columns.Count; c++)
            {
                var column = shape.Columns[c];
                sql.Append(c == 0 ? "" : ", ").Append(Parameter(command, column, column.Get(rows[r].Row)));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        batch.BatchCommands.Add(command);
    }

    private static void AddUpdate(NpgsqlBatch batch, PostgresStepRows.TrackedRow row, IReadOnlyList<RowShape.Column> changed)
    {
        var command = new NpgsqlBatchCommand();
        var set = string.Join(", ", changed.Select(c => $"{c.Name} = {Parameter(command, c, c.Get(row.Row))}"));
        var where = Where(command, row);
        command.CommandText = Guarded(row, $"UPDATE {row.Shape.Table} SET {set} WHERE {where}");
        batch.BatchCommands.Add(command);
    }

    private static void AddDelete(NpgsqlBatch batch, PostgresStepRows.TrackedRow row)
    {
        var command = new NpgsqlBatchCommand();
        command.CommandText = Guarded(row, $"DELETE FROM {row.Shape.Table} WHERE {Where(command, row)}");
        batch.BatchCommands.Add(command);
    }

    // The key, and every concurrency token at the value this step read.
    private static string Where(NpgsqlBatchCommand command, PostgresStepRows.TrackedRow row) =>
        string.Join(" AND ", new[] { row.Shape.Key }.Concat(row.Shape.Tokens)
            .Select(c => $"{c.Name} = {Parameter(command, c, row.OriginalValue(c))}"));

    // A row with a concurrency token must be hit exactly once, or the whole batch rolls back.
    private static string Guarded(PostgresStepRows.TrackedRow row, string statement) =>
        row.Shape.Tokens.Count == 0
            ? statement
            : $"WITH changed AS ({statement} RETURNING 1) SELECT \"{EngineDbContext.Schema}\".expect_one((SELECT count(*) FROM changed), '{row.Shape.TableName}')";

    private static string Parameter(NpgsqlBatchCommand command, RowShape.Column column, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = column.ToParameter(value), DataTypeName = column.StoreType });
        return $"${command.Parameters.Count}";
    }
}
