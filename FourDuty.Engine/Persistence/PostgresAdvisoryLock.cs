using Npgsql;

namespace FourDuty.Engine.Persistence;

/// <summary>A PostgreSQL session-level advisory lock, held on its own connection until disposed.</summary>
public sealed class PostgresAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private PostgresAdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Waits until the lock named <paramref name="key"/> is free and takes it.</summary>
    public static async Task<PostgresAdvisoryLock> AcquireAsync(string connectionString, long key, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // No command timeout: a node that starts while another migrates waits as long as that takes (a busy
        // machine took over the default 30 s); cancellation still stops the wait.
        await using var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection)
        {
            CommandTimeout = 0,
            Parameters = { new() { Value = key } },
        };
        await acquire.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresAdvisoryLock(connection, key);
    }

    /// <summary>Releases the lock (closing the connection would release it too).</summary>
    public async ValueTask DisposeAsync()
    {
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } })
        {
            await release.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
