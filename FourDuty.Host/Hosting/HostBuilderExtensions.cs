using FourDuty.Engine;
using FourDuty.Host.Jobs;

namespace FourDuty.Host.Hosting;

internal static class HostBuilderExtensions
{
    /// <summary>Everything the service runs: the engine on the configured database, Hangfire, health, OpenAPI.</summary>
    public static WebApplicationBuilder AddFourDutyServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddFourDutyEngine(engine =>
        {
            engine.Storage.PostgresConnectionString = configuration.GetConnectionString("Postgres");
            engine.Storage.SqliteConnectionString = configuration.GetConnectionString("Sqlite") ?? engine.Storage.SqliteConnectionString;
        });
        builder.Services.AddFourDutyJobs(configuration);
        builder.Services.AddHealthChecks().AddDbContextCheck<FourDuty.Engine.Persistence.EngineDbContext>("database");
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapFourDutyEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthChecks("/health", HealthReportWriter.Options);
        app.MapFourDutyJobsDashboard();
        return app;
    }
}
