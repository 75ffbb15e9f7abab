using System.Data.Common;
using Npgsql;

namespace FourDuty.Bench.Load;

/// <summary>
/// Makes many waiting instances quickly: one instance is started through the engine, then its rows (instance, tokens,
/// scopes, variables, timers, subscriptions, tasks, history) are copied in SQL, each copy with its own ids. An id of the
/// template becomes its first 24 hexadecimal digits followed by the copy's number, so that references between the rows of
/// one instance stay right; the definition's id is kept (the ids inside a history row's JSON events stay the template's). The engine keeps an instance only as rows, so a copy is an
/// instance like any other.
/// </summary>
internal static class InstanceCloner
{
    private static readonly string[] Tables = ["instances", "tokens", "scopes", "variables", "timers", "subscriptions", "user_tasks", "history_steps"];

    public static async Task CloneOnPostgresAsync(NpgsqlConnection connection, Guid template, int copies, int batch = 20_000)
    {
        foreach (var table in Tables)
        {
            var columns = new List<(string Name, string Type)>();
            await using (var read = new NpgsqlCommand(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'fourduty' AND table_name = $1 ORDER BY ordinal_position",
                connection) { Parameters = { new() { Value = table } } })
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var key = table == "instances" ? "id" : "instance_id";
            var select = string.Join(", ", columns.Select(c => c switch
            {
                ("definition_id", _) => c.Name,
                (_, "uuid") => $"CASE WHEN {c.Name} IS NULL THEN NULL ELSE (left({c.Name}::text, 24) || lpad(to_hex(g), 12, '0'))::uuid END",
                ("business_key", _) => $"{c.Name} || '-' || g",
                _ => c.Name,
            }));
            for (var from = 1; from <= copies; from += batch)
            {
                var to = Math.Min(copies, from + batch - 1);
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO fourduty.{table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT {select} FROM fourduty.{table}, generate_series({from}, {to}) g WHERE {key} = $1",
                    connection) { Parameters = { new() { Value = template } }, CommandTimeout = 600 };
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    public static async Task CloneOnSqliteAsync(DbConnection connection, Guid template, int copies)
    {
        var id = template.ToString().ToUpperInvariant();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS copies (g INTEGER PRIMARY KEY)");
        await Execute(connection, transaction, $"WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < {copies}) INSERT INTO copies SELECT g FROM n");
        foreach (var table in Tables)
        {
            var columns = new List<(string Name, string Type)>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"SELECT name, type FROM pragma_table_info('{table}')";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var key = table == "instances" ? "id" : "instance_id";
            // SQLite keeps ids as text: an id is a column named id or *_id, except the BPMN element's id and the definition's.
            var select = string.Join(", ", columns.Select(c =>
                c.Name is "definition_id" or "element_id" ? c.Name
                : c.Name == "id" || c.Name.EndsWith("_id", StringComparison.Ordinal) || c.Name == "claimed_by"
                    ? $"CASE WHEN {c.Name} IS NULL THEN NULL ELSE substr({c.Name}, 1, 24) || printf('%012X', g) END"
                : c.Name == "business_key" ? $"{c.Name} || '-' || g"
                : c.Name));
            await Execute(connection, transaction,
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT {select} FROM {table}, copies WHERE {key} = '{id}'");
        }

        await transaction.CommitAsync();
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
