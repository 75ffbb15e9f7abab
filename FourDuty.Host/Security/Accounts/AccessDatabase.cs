using FourDuty.Engine.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Security.Accounts;

/// <summary>Registers <see cref="AccessDbContext"/> on the engine's database and migrates it with the engine's tables.</summary>
internal static class AccessDatabase
{
    public static IServiceCollection AddAccessDatabase(this IServiceCollection services)
    {
        services.AddDbContext<PostgresAccessDbContext>((sp, builder) => ((DbContextOptionsBuilder<PostgresAccessDbContext>)builder)
            .UseSharedDatabase(Storage(sp), AccessDbContext.HistoryTable, AccessDbContext.Schema));
        services.AddDbContext<SqliteAccessDbContext>((sp, builder) => ((DbContextOptionsBuilder<SqliteAccessDbContext>)builder)
            .UseSharedDatabase(Storage(sp), AccessDbContext.HistoryTable, AccessDbContext.Schema));
        services.AddScoped<AccessDbContext>(sp => Storage(sp).Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresAccessDbContext>()
            : sp.GetRequiredService<SqliteAccessDbContext>());
        services.AddSingleton<IDatabaseSchema, Schema>();
        // Every node reads and writes the same key ring, so a cookie or form token made by one node is good on all.
        services.AddDataProtection().SetApplicationName("FourDuty").PersistKeysToDbContext<AccessDbContext>();
        return services;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private sealed class Schema : IDatabaseSchema
    {
        public string Name => AccessDbContext.Schema;

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<AccessDbContext>().Database.MigrateAsync(cancellationToken);
    }
}

// Used only by `dotnet ef migrations add`; adding a migration never connects.
internal sealed class PostgresAccessDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccessDbContext>
{
    public PostgresAccessDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAccessDbContext>()
        .UseSharedDatabase(new StorageOptions { PostgresConnectionString = "Host=localhost" }, AccessDbContext.HistoryTable, AccessDbContext.Schema).Options);
}

internal sealed class SqliteAccessDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccessDbContext>
{
    public SqliteAccessDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAccessDbContext>()
        .UseSharedDatabase(new StorageOptions { SqliteConnectionString = "Data Source=design.db" }, AccessDbContext.HistoryTable, AccessDbContext.Schema).Options);
}
