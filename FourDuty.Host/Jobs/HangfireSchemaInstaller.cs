using Hangfire.PostgreSql;
using Npgsql;

namespace FourDuty.Host.Jobs;

/// <summary>
/// Creates or upgrades Hangfire's schema under a PostgreSQL advisory lock. Hangfire's own installer does not
/// serialise nodes that start at the same moment (one of them fails half-way); the lock makes the others wait
/// and then find the schema in place. Hangfire's storage is configured in a synchronous callback, so this uses
/// Npgsql's synchronous calls rather than blocking on asynchronous ones.
/// </summary>
internal static class HangfireSchemaInstaller
{
    // Any constant shared by every node; it names this lock among the database's advisory locks ("FDHF").
    private const long LockKey = 0x46_44_48_46;

    public static void Install(string connectionString)
    {
        // The lock is its connection's session's: closing that connection releases it even if the unlock never runs.
        using var guard = new NpgsqlConnection(connectionString);
        guard.Open();
        // No command timeout: a node that starts while another installs waits as long as that takes.
        using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", guard) { CommandTimeout = 0, Parameters = { new() { Value = LockKey } } })
        {
            acquire.ExecuteNonQuery();
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            PostgreSqlObjectsInstaller.Install(connection, JobsServiceCollectionExtensions.HangfireSchema);
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", guard) { Parameters = { new() { Value = LockKey } } };
            release.ExecuteNonQuery();
        }
    }
}
