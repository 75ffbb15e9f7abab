using FourDuty.Engine.Jobs;
using FourDuty.Engine.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Claims due work on PostgreSQL in batches: one <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n)
/// RETURNING</c> per batch, so that several nodes take disjoint batches without waiting on each other. Node liveness is
/// kept in the database's own time (<c>now()</c>), so the nodes' clocks need not agree.
/// </summary>
internal sealed class PostgresDueWorkStore(IDbContextFactory<EngineDbContext> contexts) : IDueWorkStore
{
    public bool SingleWriter => false;

    private const string S = EngineDbContext.Schema;

    // Claims held by a node that is not alive (no heartbeat within the given seconds, or no row at all).
    private const string NotAlive = $"claimed_by IS NOT NULL AND claimed_by NOT IN (SELECT id FROM {S}.nodes WHERE heartbeat_at >= now() - make_interval(secs => $1))";

    public async Task<int> HeartbeatAsync(NodeIdentity node, TimeSpan deadAfter, DateTimeOffset engineNow, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"INSERT INTO {S}.nodes (id, name, started_at, heartbeat_at) VALUES ($1, $2, now(), now()) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()",
                    node.Id, node.Name),
                Command($"WITH released AS (UPDATE {S}.timers SET claimed_by = NULL WHERE {NotAlive} RETURNING 1) SELECT count(*) FROM released",
                    deadAfter.TotalSeconds),
                // A dead node's pending rows are due again at once: their lease was its, and it will not record them.
                Command($"""
                    WITH released AS (UPDATE {S}.outbox SET claimed_by = NULL, due_at = CASE WHEN status = 'Pending' AND due_at > $2 THEN $2 ELSE due_at END
                        WHERE {NotAlive} RETURNING 1)
                    SELECT count(*) FROM released
                    """, deadAfter.TotalSeconds, engineNow.ToUniversalTime()),
                Command($"DELETE FROM {S}.nodes WHERE heartbeat_at < now() - interval '1 day'"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var released = 0;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                released += (int)reader.GetInt64(0);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return released;
    }

    public async Task LeaveAsync(NodeIdentity node, DateTimeOffset engineNow, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"UPDATE {S}.timers SET claimed_by = NULL WHERE claimed_by = $1", node.Id),
                Command($"UPDATE {S}.outbox SET claimed_by = NULL, due_at = CASE WHEN status = 'Pending' AND due_at > $2 THEN $2 ELSE due_at END WHERE claimed_by = $1",
                    node.Id, engineNow.ToUniversalTime()),
                Command($"DELETE FROM {S}.nodes WHERE id = $1", node.Id),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueTimer>> ClaimTimersAsync(Guid node, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var command = new NpgsqlCommand($"""
            UPDATE {S}.timers t SET claimed_by = $1
            WHERE t.id IN (SELECT id FROM {S}.timers WHERE claimed_by IS NULL AND due_at <= $2 ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING t.id, t.due_at, t.instance_id
            """, connection)
        {
            Parameters = { new() { Value = node }, new() { Value = now.ToUniversalTime() }, new() { Value = limit } },
        };
        var claimed = new List<DueTimer>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new DueTimer(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        }

        claimed.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        return claimed;
    }

    public async Task ReleaseTimersAsync(Guid node, IReadOnlyList<Guid> timers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var command = new NpgsqlCommand($"UPDATE {S}.timers SET claimed_by = NULL WHERE id = ANY($1) AND claimed_by = $2", connection)
        {
            Parameters = { new() { Value = timers.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }, new() { Value = node } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(Guid node, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        IReadOnlyCollection<Guid> held, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var command = new NpgsqlCommand($"""
            UPDATE {S}.outbox o SET attempts = o.attempts + 1, due_at = $3, claimed_by = $1
            WHERE o.id IN (SELECT id FROM {S}.outbox WHERE status = 'Pending' AND due_at <= $2 AND NOT (id = ANY($5))
                           ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.kind, o.key, o.payload, o.attempts, o.instance_id, o.task_id
            """, connection)
        {
            Parameters =
            {
                new() { Value = node }, new() { Value = now.ToUniversalTime() }, new() { Value = leaseUntil.ToUniversalTime() }, new() { Value = limit },
                new() { Value = held.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
            },
        };
        var claimed = new List<OutboxMessage>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OutboxMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4) - 1,
                reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }

        return claimed;
    }

    public async Task<int> RecordOutboxAsync(Guid node, IReadOnlyList<OutboxResult> results, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        // One statement for the group: each row only while it is pending with the attempt its claim counted (decision 0006).
        await using var command = new NpgsqlCommand($"""
            UPDATE {S}.outbox o SET status = r.status, due_at = coalesce(r.due_at, o.due_at), sent_at = coalesce(r.sent_at, o.sent_at),
                reply = coalesce(r.reply, o.reply), last_error = coalesce(r.last_error, o.last_error), claimed_by = NULL
            FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
                AS r(id, attempts, status, due_at, sent_at, reply, last_error)
            WHERE o.id = r.id AND o.attempts = r.attempts AND o.status = 'Pending'
            """, connection)
        {
            Parameters =
            {
                new() { Value = results.Select(r => r.Id).ToArray() },
                new() { Value = results.Select(r => r.Attempts).ToArray() },
                new() { Value = results.Select(r => r.Status.ToString()).ToArray() },
                new() { Value = results.Select(r => r.DueAt?.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = results.Select(r => r.SentAt?.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = results.Select(r => r.Reply).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = results.Select(r => r.LastError).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishOutboxAsync(Guid node, IReadOnlyList<Guid> rows, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)opened.Connection;
        await using var command = new NpgsqlCommand($"UPDATE {S}.outbox SET claimed_by = NULL WHERE id = ANY($1) AND claimed_by = $2", connection)
        {
            Parameters = { new() { Value = rows.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }, new() { Value = node } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
