using FourDuty.Engine;
using FourDuty.Engine.Time;
using FourDuty.Host.Mail;
using FourDuty.Workflows;

namespace FourDuty.Host.Hosting;

/// <summary>
/// The one registration of everything a process needs to run: the engine, the business calendar, the college's
/// workflows (organisation, assignment, task mails, domain handlers) and mail. The service registers it once with its
/// database, clock and Hangfire; each designer's test-run registers it again in a provider of its own, with a private
/// database, a simulated clock and mail that is captured, so that both run the same handlers and listeners.
/// </summary>
internal static class ProcessingServices
{
    /// <param name="services">Where to register.</param>
    /// <param name="configuration">The service's configuration (sections <c>Engine</c>, <c>Mail</c>, <c>Seeds</c>, the calendar).</param>
    /// <param name="engine">Sets storage, clock and job driver; called after the <c>Engine</c> section is bound.</param>
    public static IServiceCollection AddFourDutyProcessing(this IServiceCollection services, IConfiguration configuration, Action<EngineSetup> engine)
    {
        services.AddFourDutyEngine(setup =>
        {
            configuration.GetSection("Engine").Bind(setup.Engine);
            engine(setup);
        });
        services.AddSingleton<IBusinessCalendar>(sp => CalendarSettings.Load(
            configuration, sp.GetRequiredService<FourDuty.Engine.Runtime.EngineOptions>().TimeZone,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("FourDuty.Calendar")));
        services.AddFourDutyWorkflows(SeedPath(configuration["Seeds:Organization"] ?? "seeds/organization.json"));
        services.AddFourDutyMail(configuration);
        services.AddSingleton<FourDuty.Engine.Outbox.IOutboxHandler, TaskMailOutboxHandler>();
        services.AddSingleton<FourDuty.Engine.Runtime.Handlers.IServiceTaskHandler, MailSendTaskHandler>();
        return services;
    }

    /// <summary>A seed file's path: as given when absolute, else next to the program (where the build copies <c>seeds/</c>).</summary>
    private static string SeedPath(string file) => Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
}
