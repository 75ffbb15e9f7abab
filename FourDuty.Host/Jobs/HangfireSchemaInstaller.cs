using FourDuty.Engine.Persistence;
using Hangfire.PostgreSql;
using Npgsql;

namespace FourDuty.Host.Jobs;

/// <summary>
/// Creates or upgrades Hangfire's schema under a PostgreSQL advisory lock. Hangfire's own installer does not
/// serialise nodes that start at the same moment (one of them fails half-way); the lock makes the others wait
/// and then find the schema in place.
/// </summary>
internal static class HangfireSchemaInstaller
{
    // Any constant shared by every node; it names this lock among the database's advisory locks ("FDHF").
    private const long LockKey = 0x46_44_48_46;

    public static void Install(string connectionString)
    {
        var guard = PostgresAdvisoryLock.AcquireAsync(connectionString, LockKey, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            PostgreSqlObjectsInstaller.Install(connection, JobsServiceCollectionExtensions.HangfireSchema);
        }
        finally
        {
            guard.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
