using FourDuty.Engine;
using FourDuty.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster that <c>./test.sh</c> starts and names in <c>FOURDUTY_TEST_POSTGRES</c>. Each test
/// class gets its own empty database, so tests never see each other's rows.
/// </summary>
internal static class TestPostgres
{
    public const string ConnectionStringVariable = "FOURDUTY_TEST_POSTGRES";

    /// <summary>
    /// Skips the calling test when no cluster is configured, except under CI, where a missing database is a
    /// failure: a CI run that silently skipped every PostgreSQL test would prove nothing.
    /// </summary>
    public static string RequireServer() =>
        Require(Environment.GetEnvironmentVariable(ConnectionStringVariable), Environment.GetEnvironmentVariable("CI"));

    internal static string Require(string? serverConnectionString, string? ci)
    {
        if (!string.IsNullOrWhiteSpace(serverConnectionString))
        {
            return serverConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(ci))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set, and CI is: PostgreSQL tests must run. Run the tests with ./test.sh, which starts PostgreSQL.");
        }

        Skip.If(true, $"{ConnectionStringVariable} is not set; run ./test.sh to include the PostgreSQL tests.");
        return "";
    }

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    /// <param name="purpose">A short lowercase word for the database name (PostgreSQL allows 63 characters).</param>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = RequireServer();
        var name = $"t_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>An engine (default options) on the database of <paramref name="connectionString"/>, its schema migrated.</summary>
    public static async Task<ServiceProvider> EngineAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine => engine.Storage.PostgresConnectionString = connectionString);
        var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return provider;
    }
}
