using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FourDuty.Engine.Persistence;

// Used only by `dotnet ef migrations add`; the running service builds its contexts through
// StorageServiceCollectionExtensions. The connection strings are placeholders: adding a migration
// never connects.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(StorageOptions.ConfigurePostgres(
            new DbContextOptionsBuilder<PostgresEngineDbContext>(), "Host=localhost").Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(StorageOptions.ConfigureSqlite(
            new DbContextOptionsBuilder<SqliteEngineDbContext>(), "Data Source=design.db").Options);
}
