using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FourDuty.Engine.Persistence;

/// <summary>Brings the database to the latest migration when the host starts.</summary>
/// <remarks>
/// Several nodes may start at once on one PostgreSQL database. EF Core's own migration lock did not keep two
/// nodes from applying the same migration (seen: a duplicate key in the history table), so on PostgreSQL the
/// migration runs under an advisory lock: one node migrates, the others wait and then find nothing to do.
/// </remarks>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (storage.Provider == StorageProvider.Sqlite)
        {
            CreateSqliteFolder(storage.SqliteConnectionString);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        if (storage.Provider == StorageProvider.Postgres)
        {
            await using var guard = await PostgresAdvisoryLock.AcquireAsync(storage.PostgresConnectionString!, MigrationLock, cancellationToken);
            await MigrateAllAsync(db, scope.ServiceProvider, cancellationToken);
        }
        else
        {
            await MigrateAllAsync(db, scope.ServiceProvider, cancellationToken);
        }
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // Write-ahead logging lets readers (health checks, the API) proceed while a step commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Engine database is up to date on {Provider}", storage.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The engine's tables first, then the schemas of the layers above it (they may refer to the engine's rows).
    private async Task MigrateAllAsync(EngineDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Migrate() also diffs the whole model against its snapshot, seconds of CPU on a busy machine while the other nodes
        // wait for the lock; with nothing pending there is nothing to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var schema in services.GetServices<IDatabaseSchema>())
        {
            await schema.MigrateAsync(services, cancellationToken);
            logger.LogInformation("Database schema {Schema} is up to date", schema.Name);
        }
    }

    // Any constant every node shares; it names this lock among the database's advisory locks ("FDEF").
    private const long MigrationLock = 0x46_44_45_46;

    private static void CreateSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
