using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FourDuty.Engine.Persistence;

/// <summary>Brings the database to the latest migration when the host starts.</summary>
/// <remarks>
/// Several nodes may start at once on one PostgreSQL database: EF Core takes a database-wide lock around
/// <c>Migrate</c>, so exactly one of them applies each migration and the others wait and find it applied.
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
        await db.Database.MigrateAsync(cancellationToken);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // Write-ahead logging lets readers (health checks, the API) proceed while a step commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Engine database is up to date on {Provider}", storage.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
