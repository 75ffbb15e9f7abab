using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Writes a step's changes to PostgreSQL in one round trip, as one statement where it fits: every insert, update and
/// delete is a data-modifying <c>WITH</c> part of a single statement, which PostgreSQL runs as one implicit transaction —
/// all of it or none of it. Each statement costs PostgreSQL and Npgsql a portal, a snapshot, an executor started and
/// stopped, a bind and a reply; a step's rows as one statement pay that once (decision 0034). Rows with a concurrency
/// token (the instance revision above all) are checked by <c>fourduty.expect_one</c> on what their part changed, which
/// raises when another step changed the row first, so a lost race rolls back everything. Added rows of one table go in
/// one multi-row INSERT. A very large step (a batch of timers) is split into several statements of one batch, still one
/// implicit transaction. The rows and their changes come from <see cref="PostgresStepRows"/>; <see cref="GroupCommit"/>
/// sends the statements, with other steps' when they are ready at the same moment.
/// </summary>
internal static class PostgresStepWriter
{
    private const int RowsPerInsert = 200;

    // Bounds on one statement: PostgreSQL takes at most 65,535 parameters, and planning grows with the parts.
    private const int PartsPerStatement = 16;
    private const int ParametersPerStatement = 30_000;

    /// <summary>The statements that write the changes of the step's tracked rows (none if nothing changed).</summary>
    public static IReadOnlyList<NpgsqlBatchCommand> Commands(PostgresStepRows rows)
    {
        var commands = new List<NpgsqlBatchCommand>();
        var statement = new Statement(commands);

        foreach (var (row, changed) in rows.Modified())
        {
            statement.AddUpdate(row, changed);
        }

        foreach (var group in rows.Added().GroupBy(r => r.Shape))
        {
            foreach (var chunk in group.Chunk(RowsPerInsert))
            {
                statement.AddInsert(group.Key, chunk);
            }
        }

        foreach (var row in rows.Removed())
        {
            statement.AddDelete(row);
        }

        statement.Finish();
        return commands;
    }

    /// <summary>
    /// The statement being built: its parts (each an INSERT, UPDATE or DELETE), the tables whose part must hit exactly one
    /// row, and its parameters, numbered across the parts. Full, it is added to the step's statements and a new one begun.
    /// </summary>
    private sealed class Statement(List<NpgsqlBatchCommand> commands)
    {
        private readonly List<(string Sql, string? Guard)> _parts = [];
        private NpgsqlBatchCommand _command = new();

        public void AddInsert(RowShape shape, IReadOnlyList<PostgresStepRows.TrackedRow> rows)
        {
            MakeRoomFor(rows.Count * shape.Columns.Count);
            var sql = new StringBuilder($"INSERT INTO {shape.Table} ({shape.ColumnList}) VALUES ");
            for (var r = 0; r < rows.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < shape.Columns.Count; c++)
                {
                    var column = shape.Columns[c];
                    sql.Append(c == 0 ? "" : ", ").Append(Parameter(column, column.Get(rows[r].Row)));
                }

                sql.Append(')');
            }

            _parts.Add((sql.ToString(), null));
        }

        public void AddUpdate(PostgresStepRows.TrackedRow row, IReadOnlyList<RowShape.Column> changed)
        {
            MakeRoomFor(changed.Count + 1 + row.Shape.Tokens.Count);
            var set = string.Join(", ", changed.Select(c => $"{c.Name} = {Parameter(c, c.Get(row.Row))}"));
            _parts.Add(($"UPDATE {row.Shape.Table} SET {set} WHERE {Where(row)}", Guard(row)));
        }

        public void AddDelete(PostgresStepRows.TrackedRow row)
        {
            MakeRoomFor(1 + row.Shape.Tokens.Count);
            _parts.Add(($"DELETE FROM {row.Shape.Table} WHERE {Where(row)}", Guard(row)));
        }

        /// <summary>Adds the statement built so far to the step's statements.</summary>
        public void Finish()
        {
            if (_parts.Count == 0)
            {
                return;
            }

            _command.CommandText = Compose();
            commands.Add(_command);
            _parts.Clear();
            _command = new NpgsqlBatchCommand();
        }

        private void MakeRoomFor(int parameters)
        {
            if (_parts.Count >= PartsPerStatement || (_parts.Count > 0 && _command.Parameters.Count + parameters > ParametersPerStatement))
            {
                Finish();
            }
        }

        // One part alone is the statement itself; several are WITH parts of one statement, the last one its main part
        // unless some must be counted: then the main part counts them, and expect_one raises unless each hit one row.
        private string Compose()
        {
            var guarded = _parts.Select((p, i) => (p.Guard, Name: $"w{i}")).Where(p => p.Guard is not null).ToList();
            if (guarded.Count == 0 && _parts.Count == 1)
            {
                return _parts[0].Sql;
            }

            var withParts = guarded.Count == 0 ? _parts.Count - 1 : _parts.Count;
            var sql = new StringBuilder("WITH ");
            for (var i = 0; i < withParts; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"w{i} AS (").Append(_parts[i].Sql).Append(_parts[i].Guard is null ? ")" : " RETURNING 1)");
            }

            if (guarded.Count == 0)
            {
                return sql.Append(' ').Append(_parts[^1].Sql).ToString();
            }

            return sql.Append(" SELECT ").AppendJoin(", ", guarded.Select(g =>
                $"\"{EngineDbContext.Schema}\".expect_one((SELECT count(*) FROM {g.Name}), '{g.Guard}')")).ToString();
        }

        // The key, and every concurrency token at the value this step read.
        private string Where(PostgresStepRows.TrackedRow row) =>
            string.Join(" AND ", new[] { row.Shape.Key }.Concat(row.Shape.Tokens)
                .Select(c => $"{c.Name} = {Parameter(c, row.OriginalValue(c))}"));

        // A row with a concurrency token must be hit exactly once, or the whole statement rolls back.
        private static string? Guard(PostgresStepRows.TrackedRow row) => row.Shape.Tokens.Count == 0 ? null : row.Shape.TableName;

        private string Parameter(RowShape.Column column, object? value)
        {
            _command.Parameters.Add(new NpgsqlParameter { Value = column.ToParameter(value), DataTypeName = column.StoreType });
            return $"${_command.Parameters.Count}";
        }
    }
}
