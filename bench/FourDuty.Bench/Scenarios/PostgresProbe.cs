using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// A connection of its own to the engine's PostgreSQL database, to read what the server itself counts: transaction
/// ids (PostgreSQL assigns one to every transaction that writes, and only to those) and its processes' CPU time.
/// </summary>
internal sealed class PostgresProbe : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly int? _postmaster;

    private PostgresProbe(NpgsqlConnection connection, int? postmaster)
    {
        _connection = connection;
        _postmaster = postmaster;
    }

    public static async Task<PostgresProbe> ConnectAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new PostgresProbe(connection, ProcessCpu.ParentOf(backend));
    }

    /// <summary>
    /// A new transaction id: write transactions committed (or rolled back) between two calls = difference − 1
    /// (the call takes one itself).
    /// </summary>
    public async Task<long> TransactionIdAsync()
    {
        await using var command = new NpgsqlCommand("SELECT txid_current()", _connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Gathers the planner's statistics of every table, as autovacuum does; plans cached on stale ones are dropped with it.</summary>
    public async Task AnalyzeAsync()
    {
        await using var command = new NpgsqlCommand("ANALYZE", _connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>CPU time of the server's processes so far; null when it runs out of this machine's sight.</summary>
    public TimeSpan? ServerCpu() => _postmaster is { } pid ? ProcessCpu.PostgresChildren(pid) : null;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
