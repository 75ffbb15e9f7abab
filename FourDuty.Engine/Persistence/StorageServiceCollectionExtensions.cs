using FourDuty.Engine.Persistence.EntityFramework;
using FourDuty.Engine.Persistence.InMemory;
using FourDuty.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FourDuty.Engine.Persistence;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine store that <see cref="StorageOptions"/> selects: in memory, or Entity Framework Core with
    /// <see cref="EngineDbContext"/> (scoped) and <see cref="IDbContextFactory{EngineDbContext}"/>, migrated at start.
    /// </summary>
    public static IServiceCollection AddEngineStorage(this IServiceCollection services, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.InMemory)
        {
            services.AddSingleton<IEngineStore, InMemoryEngineStore>();
            return services;
        }

        // Pooled: a step opens a context, and building one (its internal services, its options) cost more than the
        // engine's own work for a step; a pooled context is reset and handed out again.
        services.AddPooledDbContextFactory<PostgresEngineDbContext>((sp, builder) =>
            StorageOptions.ConfigurePostgres((DbContextOptionsBuilder<PostgresEngineDbContext>)builder,
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgresConnectionString!));
        services.AddPooledDbContextFactory<SqliteEngineDbContext>((sp, builder) =>
            StorageOptions.ConfigureSqlite((DbContextOptionsBuilder<SqliteEngineDbContext>)builder,
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteConnectionString));

        services.AddSingleton<IDbContextFactory<EngineDbContext>, EngineDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContext());
        services.AddSingleton<IEngineStore>(sp => new EfEngineStore(sp.GetRequiredService<IDbContextFactory<EngineDbContext>>()));
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private sealed class EngineDbContextFactory(
        IOptions<StorageOptions> options,
        IServiceProvider services) : IDbContextFactory<EngineDbContext>
    {
        public EngineDbContext CreateDbContext() => options.Value.Provider switch
        {
            StorageProvider.Postgres => services.GetRequiredService<IDbContextFactory<PostgresEngineDbContext>>().CreateDbContext(),
            _ => services.GetRequiredService<IDbContextFactory<SqliteEngineDbContext>>().CreateDbContext(),
        };
    }
}
