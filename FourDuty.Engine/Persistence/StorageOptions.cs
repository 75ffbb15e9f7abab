using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence;

/// <summary>Where the engine keeps its state.</summary>
/// <remarks>
/// PostgreSQL is used when <see cref="PostgresConnectionString"/> is set; otherwise the engine runs on the
/// embedded SQLite file named by <see cref="SqliteConnectionString"/>, so that a fresh machine needs nothing
/// installed.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>The default embedded database: a file under <c>./data</c>, relative to the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/fourduty.db";

    /// <summary>An Npgsql connection string; when set, PostgreSQL is the store.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>A Microsoft.Data.Sqlite connection string, used when no PostgreSQL connection string is set.</summary>
    public string SqliteConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Keep everything in process memory instead (tests, benchmarks, the designer's test-run).</summary>
    public bool InMemory { get; set; }

    /// <summary>The provider these options select.</summary>
    public StorageProvider Provider =>
        InMemory ? StorageProvider.InMemory
        : string.IsNullOrWhiteSpace(PostgresConnectionString) ? StorageProvider.Sqlite
        : StorageProvider.Postgres;

    internal static DbContextOptionsBuilder<T> ConfigurePostgres<T>(DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext =>
        builder
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history", EngineDbContext.Schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The largest connection pool the engine opens to PostgreSQL unless the connection string says otherwise: four per core
    /// of this machine, at least 8. More connections than that make PostgreSQL's backends fight over the same pages and
    /// cores: on two cores the durable benchmark's 64 clients did a task's whole life at 0.17 of pgbench with a pool of 100
    /// (Npgsql's default) and 0.28–0.30 with 16 or 8, PostgreSQL's CPU per whole life falling from 2.3 to 1.0–1.2 ms
    /// (decision 0033). Requests beyond the pool wait their turn for a connection, as steps are short.
    /// </summary>
    public static int DefaultMaxPoolSize => Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>
    /// The engine's connections prepare their repeated statements, skip the session reset when returned to the
    /// pool (the engine keeps no session state) — both measured as a third less PostgreSQL CPU per step — and share a pool
    /// of <see cref="DefaultMaxPoolSize"/>. What the connection string sets itself wins.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Sets(params string[] keywords) => keywords.Any(given.ContainsKey);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Sets("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Sets("Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    internal static DbContextOptionsBuilder<T> ConfigureSqlite<T>(DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

/// <summary>The database products the engine can store its state in.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: one process, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, and several nodes on one database.</summary>
    Postgres,

    /// <summary>Process memory: nothing survives a restart.</summary>
    InMemory,
}
