using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FourDuty.Engine.Persistence;

/// <summary>
/// How a DbContext of another layer (see <see cref="IDatabaseSchema"/>) uses the engine's database: the same
/// PostgreSQL or SQLite connection settings and naming (snake case), a migrations history table of its own, and on
/// SQLite instants stored as UTC ticks so that they compare and sort as instants.
/// </summary>
public static class SharedDatabase
{
    /// <summary>Points <paramref name="builder"/> at the database <paramref name="storage"/> selects.</summary>
    /// <param name="builder">The context's options.</param>
    /// <param name="storage">The engine's storage options (registered as <c>IOptions&lt;StorageOptions&gt;</c>).</param>
    /// <param name="historyTable">The context's own migrations history table, e.g. <c>ef_migrations_history_domain</c>.</param>
    /// <param name="postgresSchema">The PostgreSQL schema of the context's tables and history table.</param>
    /// <exception cref="InvalidOperationException">The storage is in memory: other layers need a real database.</exception>
    public static DbContextOptionsBuilder<T> UseSharedDatabase<T>(this DbContextOptionsBuilder<T> builder, StorageOptions storage,
        string historyTable, string postgresSchema) where T : DbContext =>
        storage.Provider switch
        {
            StorageProvider.Postgres => builder
                .UseNpgsql(StorageOptions.Tuned(storage.PostgresConnectionString!), npgsql => npgsql.MigrationsHistoryTable(historyTable, postgresSchema))
                .UseSnakeCaseNamingConvention(),
            StorageProvider.Sqlite => builder
                .UseSqlite(storage.SqliteConnectionString, sqlite => sqlite.MigrationsHistoryTable(historyTable))
                .UseSnakeCaseNamingConvention(),
            _ => throw new InvalidOperationException("The engine keeps its state in memory; a shared database needs PostgreSQL or SQLite."),
        };

    /// <summary>Stores every <see cref="DateTimeOffset"/> as UTC ticks (for SQLite, which keeps offsets as text that does not compare as instants).</summary>
    public static ModelConfigurationBuilder StoreInstantsAsUtcTicks(this ModelConfigurationBuilder configuration)
    {
        // Configures DateTimeOffset? properties as well.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        return configuration;
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
