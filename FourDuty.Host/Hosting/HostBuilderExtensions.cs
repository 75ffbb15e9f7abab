using System.Text.Json.Serialization;
using FourDuty.Engine;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Time;
using FourDuty.Host.Api;
using FourDuty.Host.Calendar;
using FourDuty.Host.Evidence;
using FourDuty.Host.Inbox;
using FourDuty.Host.Jobs;
using FourDuty.Host.Mail;
using FourDuty.Host.Oversight;
using FourDuty.Host.Security;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.TaskPages;
using FourDuty.Host.TestRuns;
using FourDuty.Host.Web;

namespace FourDuty.Host.Hosting;

internal static class HostBuilderExtensions
{
    /// <summary>Everything the service runs: the engine on the configured database, Hangfire, health, OpenAPI.</summary>
    public static WebApplicationBuilder AddFourDutyServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var clock = ClockSettings.Create(configuration);
        builder.Services.AddFourDutyProcessing(configuration, engine =>
        {
            engine.Storage.PostgresConnectionString = configuration.GetConnectionString("Postgres");
            engine.Storage.SqliteConnectionString = configuration.GetConnectionString("Sqlite") ?? engine.Storage.SqliteConnectionString;
            engine.Clock = clock;
            engine.JobDriver = JobDriver.Hangfire;
        });
        builder.Services.AddFourDutyJobs(configuration);
        builder.Services.AddFourDutySecurity(configuration);
        builder.Services.AddTaskLinkRedaction();
        builder.Services.AddFourDutyPages();
        builder.Services.AddTestRuns(configuration);
        builder.Services.AddOptions<UrgeOptions>().BindConfiguration("Oversight:Urge")
            .Validate(o => o.Interval >= TimeSpan.Zero, "Oversight:Urge:Interval must be a duration of zero or more, e.g. \"01:00:00\".").ValidateOnStart();
        builder.Services.AddHealthChecks().AddDbContextCheck<EngineDbContext>("database");
        builder.Services.AddOpenApi(openApi => openApi.AddPolicyDescriptions());
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiErrors>();
        // Outside Development a body that does not bind gets a bare 400; thrown, ApiErrors says what and where.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapFourDutyEndpoints(this WebApplication app)
    {
        // Read the business calendar file now: a missing or broken file stops the start with its name and line, not a later request.
        app.Services.GetRequiredService<IBusinessCalendar>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseFourDutySecurity();
        // The description of the API and the health check are public: load balancers and client generators read them.
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", HealthReportWriter.Options).AllowAnonymous();
        app.MapFourDutyJobsDashboard();
        var api = app.MapEngineApi(simulatedClock: app.Services.GetRequiredService<TimeProvider>() is SimulatedClock);
        app.MapSecurityEndpoints(api);
        api.MapInboxEndpoints();
        api.MapCalendarEndpoints();
        app.MapTaskPages();
        app.MapEvidenceEndpoints();
        app.MapOversightEndpoints();
        app.MapUrgeEndpoints();
        app.MapOutboxPages();
        app.MapPages();
        return app;
    }
}
