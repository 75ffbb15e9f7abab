using FourDuty.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Persistence;

/// <summary>Opens the domain's context on the database the engine uses; migrated at start right after the engine's tables.</summary>
internal sealed class DutyDatabase(IOptions<StorageOptions> storage) : IDbContextFactory<DutyDbContext>, IDatabaseSchema
{
    public string Name => "duty";

    public DutyDbContext CreateDbContext() => Create(storage.Value);

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = CreateDbContext();
        // Migrate() also diffs the whole model against the snapshot, which costs seconds of CPU on a busy machine while the
        // other nodes wait for the migration lock; with nothing pending there is nothing to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public static DutyDbContext Create(StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.Postgres => new PostgresDutyDbContext(new DbContextOptionsBuilder<PostgresDutyDbContext>()
            .UseSharedDatabase(storage, DutyDbContext.HistoryTable, DutyDbContext.Schema).Options),
        _ => new SqliteDutyDbContext(new DbContextOptionsBuilder<SqliteDutyDbContext>()
            .UseSharedDatabase(storage, DutyDbContext.HistoryTable, DutyDbContext.Schema).Options),
    };
}

// Used only by `dotnet ef migrations add`; the connection strings are placeholders: adding a migration never connects.
internal sealed class PostgresDutyDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDutyDbContext>
{
    public PostgresDutyDbContext CreateDbContext(string[] args) =>
        (PostgresDutyDbContext)DutyDatabase.Create(new StorageOptions { PostgresConnectionString = "Host=localhost" });
}

internal sealed class SqliteDutyDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDutyDbContext>
{
    public SqliteDutyDbContext CreateDbContext(string[] args) =>
        (SqliteDutyDbContext)DutyDatabase.Create(new StorageOptions { SqliteConnectionString = "Data Source=design.db" });
}
