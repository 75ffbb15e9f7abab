using Hangfire;
using Hangfire.PostgreSql;

namespace FourDuty.Host.Jobs;

internal static class JobsServiceCollectionExtensions
{
    /// <summary>The Hangfire schema on PostgreSQL, apart from the engine's own tables.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Hangfire on the same database as the engine: PostgreSQL storage in its own schema when PostgreSQL is
    /// configured, in-memory storage on the embedded SQLite default (the engine's tables stay the truth and
    /// re-drive Hangfire at start).
    /// </summary>
    public static IServiceCollection AddFourDutyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (string.IsNullOrWhiteSpace(postgres))
            {
                hangfire.UseInMemoryStorage();
                return;
            }

            HangfireSchemaInstaller.Install(postgres);
            hangfire.UsePostgreSqlStorage(connection => connection.UseNpgsqlConnection(postgres), new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema,
                PrepareSchemaIfNecessary = false,
                // Workers wake on LISTEN/NOTIFY instead of polling every 15 s.
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
                // A job taken by a node that died comes back after five minutes, not thirty; the sweep re-drives due
                // timers and jobs from the engine's tables within a minute anyway.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            });
        });
        // Jobs:Server=false keeps this node from running background jobs (it still enqueues them for the nodes that do);
        // on a simulated clock everything then runs when the clock is moved, in order, as whole-year scenarios need.
        if (configuration.GetValue("Jobs:Server", true))
        {
            services.AddHangfireServer(server => server.SchedulePollingInterval = TimeSpan.FromSeconds(5));
        }
        return services;
    }
}
