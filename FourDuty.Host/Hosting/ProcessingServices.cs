using FourDuty.Engine;
using FourDuty.Host.Mail;
using FourDuty.Workflows;

namespace FourDuty.Host.Hosting;

/// <summary>
/// The one registration of everything a process needs to run: the engine, the college's workflows (its records and
/// seeds, the business calendar from the database, organisation, assignment, the domain's handlers, checks and mails)
/// and the mail transport. The service registers it once with its
/// database, clock and Hangfire; each designer's test-run registers it again in a provider of its own, with a private
/// database, a simulated clock and mail that is captured, so that both run the same handlers and listeners.
/// </summary>
internal static class ProcessingServices
{
    /// <param name="services">Where to register.</param>
    /// <param name="configuration">The service's configuration (sections <c>Engine</c>, <c>Mail</c>, <c>Seeds</c>, the calendar).</param>
    /// <param name="engine">Sets storage, clock and job driver; called after the <c>Engine</c> section is bound.</param>
    /// <param name="deployModels">Whether the start deploys the college's models (<c>Workflows</c> section); a test-run deploys what it is given.</param>
    public static IServiceCollection AddFourDutyProcessing(this IServiceCollection services, IConfiguration configuration, Action<EngineSetup> engine,
        bool deployModels = true)
    {
        services.AddFourDutyEngine(setup =>
        {
            configuration.GetSection("Engine").Bind(setup.Engine);
            configuration.GetSection("Engine:Expressions").Bind(setup.Expressions);
            configuration.GetSection("Engine:Parser").Bind(setup.ParserLimits);
            configuration.GetSection("Engine:DueWork").Bind(setup.DueWork);
            engine(setup);
        });
        services.AddFourDutyWorkflows(workflows =>
        {
            configuration.GetSection("Seeds").Bind(workflows.Seeds);
            workflows.Seeds.Calendar = configuration["Engine:CalendarFile"] ?? workflows.Seeds.Calendar;
            configuration.GetSection("Mail").Bind(workflows.Notifications);
            workflows.Notifications.PublicUrl = (configuration["PublicUrl"] ?? configuration["Urls"]?.Split(';')[0] ?? workflows.Notifications.PublicUrl).TrimEnd('/');
            workflows.Notifications.TaskLinkPath = TaskPages.TaskPageEndpoints.Prefix;
            configuration.GetSection("Evidence").Bind(workflows.Evidence);
            configuration.GetSection("Oversight").Bind(workflows.Alerts);
            configuration.GetSection("Workflows").Bind(workflows.Models);
            workflows.Models.DeployAtStart &= deployModels;
        });
        services.AddFourDutyMail(configuration);
        return services;
    }
}
