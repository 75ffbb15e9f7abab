using FourDuty.Engine.Persistence;
using Hangfire;
using Hangfire.Dashboard;
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
            }
            else
            {
                hangfire.UsePostgreSqlStorage(
                    connection => connection.UseNpgsqlConnection(postgres),
                    new PostgreSqlStorageOptions { SchemaName = HangfireSchema, PrepareSchemaIfNecessary = true });
            }
        });
        services.AddHangfireServer();
        return services;
    }

    public static WebApplication MapFourDutyJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Until sign-in exists, only requests from this machine see the dashboard.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        return app;
    }
}
