using System.Data.Common;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// Claims due work in the embedded SQLite file: SQLite has one writer at a time, so a claim is a plain
/// <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING</c>, and two claims never overlap. Ids are stored as upper-case
/// text and instants as UTC ticks, as Entity Framework writes them. Liveness uses the machine's clock (one file, one
/// machine).
/// </summary>
internal sealed class SqliteDueWorkStore(IDbContextFactory<EngineDbContext> contexts) : IDueWorkStore
{
    public bool SingleWriter => true;

    private const string NotAlive = "claimed_by IS NOT NULL AND claimed_by NOT IN (SELECT id FROM nodes WHERE heartbeat_at >= $alive)";

    public async Task<int> HeartbeatAsync(NodeIdentity node, TimeSpan deadAfter, DateTimeOffset engineNow, CancellationToken cancellationToken)
    {
        var wall = DateTimeOffset.UtcNow;
        // The count covers every statement; the node's own row is one of them.
        return Math.Max(0, -1 + await ExecuteAsync($"""
            INSERT INTO nodes (id, name, started_at, heartbeat_at) VALUES ($node, $name, $wall, $wall)
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = $wall;
            UPDATE timers SET claimed_by = NULL WHERE {NotAlive};
            UPDATE outbox SET claimed_by = NULL, due_at = CASE WHEN status = 'Pending' AND due_at > $now THEN $now ELSE due_at END WHERE {NotAlive};
            DELETE FROM nodes WHERE heartbeat_at < $old;
            """, cancellationToken,
            ("$node", Id(node.Id)), ("$name", node.Name), ("$wall", wall.UtcTicks), ("$alive", (wall - deadAfter).UtcTicks),
            ("$now", engineNow.UtcTicks), ("$old", (wall - TimeSpan.FromDays(1)).UtcTicks)));
    }

    public Task LeaveAsync(NodeIdentity node, DateTimeOffset engineNow, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE timers SET claimed_by = NULL WHERE claimed_by = $node;
            UPDATE outbox SET claimed_by = NULL, due_at = CASE WHEN status = 'Pending' AND due_at > $now THEN $now ELSE due_at END WHERE claimed_by = $node;
            DELETE FROM nodes WHERE id = $node;
            """, cancellationToken, ("$node", Id(node.Id)), ("$now", engineNow.UtcTicks));

    public async Task<IReadOnlyList<DueTimer>> ClaimTimersAsync(Guid node, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var claimed = new List<DueTimer>(limit);
        await ReadAsync("""
            UPDATE timers SET claimed_by = $node
            WHERE id IN (SELECT id FROM timers WHERE claimed_by IS NULL AND due_at <= $now ORDER BY due_at LIMIT $limit)
            RETURNING id, due_at, instance_id
            """, reader => claimed.Add(new DueTimer(Guid.Parse(reader.GetString(0)), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)))),
            cancellationToken, ("$node", Id(node)), ("$now", now.UtcTicks), ("$limit", limit));
        claimed.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        return claimed;
    }

    public Task ReleaseTimersAsync(Guid node, IReadOnlyList<Guid> timers, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE timers SET claimed_by = NULL WHERE claimed_by = $node AND id IN (SELECT value FROM json_each($ids))", cancellationToken,
            ("$node", Id(node)), ("$ids", Ids(timers)));

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(Guid node, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        IReadOnlyCollection<Guid> held, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxMessage>(limit);
        await ReadAsync("""
            UPDATE outbox SET attempts = attempts + 1, due_at = $lease, claimed_by = $node
            WHERE id IN (SELECT id FROM outbox WHERE status = 'Pending' AND due_at <= $now AND id NOT IN (SELECT value FROM json_each($held))
                         ORDER BY due_at LIMIT $limit)
            RETURNING id, kind, key, payload, attempts, instance_id, task_id
            """, reader => claimed.Add(new OutboxMessage(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4) - 1, reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)))),
            cancellationToken, ("$node", Id(node)), ("$now", now.UtcTicks), ("$lease", leaseUntil.UtcTicks), ("$limit", limit), ("$held", Ids(held)));
        return claimed;
    }

    public Task<int> RecordOutboxAsync(Guid node, IReadOnlyList<OutboxResult> results, CancellationToken cancellationToken) =>
        // One statement for the group: each row only while it is pending with the attempt its claim counted (decision 0006).
        ExecuteAsync("""
            UPDATE outbox SET status = r.status, due_at = coalesce(r.due_at, outbox.due_at), sent_at = coalesce(r.sent_at, outbox.sent_at),
                reply = coalesce(r.reply, outbox.reply), last_error = coalesce(r.last_error, outbox.last_error), claimed_by = NULL
            FROM (SELECT value ->> '$.id' AS id, value ->> '$.attempts' AS attempts, value ->> '$.status' AS status, value ->> '$.dueAt' AS due_at,
                         value ->> '$.sentAt' AS sent_at, value ->> '$.reply' AS reply, value ->> '$.lastError' AS last_error FROM json_each($results)) AS r
            WHERE outbox.id = r.id AND outbox.attempts = r.attempts AND outbox.status = 'Pending'
            """, cancellationToken, ("$results", System.Text.Json.JsonSerializer.Serialize(results.Select(r => new
            {
                id = Id(r.Id), attempts = r.Attempts, status = r.Status.ToString(), dueAt = r.DueAt?.UtcTicks, sentAt = r.SentAt?.UtcTicks,
                reply = r.Reply, lastError = r.LastError,
            }))));

    public Task FinishOutboxAsync(Guid node, IReadOnlyList<Guid> rows, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE outbox SET claimed_by = NULL WHERE claimed_by = $node AND id IN (SELECT value FROM json_each($ids))", cancellationToken,
            ("$node", Id(node)), ("$ids", Ids(rows)));

    // Entity Framework keeps a Guid in SQLite as upper-case text.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Ids(IEnumerable<Guid> ids) => System.Text.Json.JsonSerializer.Serialize(ids.Select(Id));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        await using var command = Command(opened.Connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        await using var command = Command(opened.Connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
