using FourDuty.Engine.Deployment;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Time;
using FourDuty.Workflows.Calendar;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Models;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Seeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FourDuty.Workflows;

/// <summary>The one way to add the four-duty mechanism on top of the engine.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the college's domain on the engine (call after <c>AddFourDutyEngine</c>): its tables (migrated after the
    /// engine's), the seeds loaded at start, the organisation and the working-day calendar served from the database,
    /// role and subject assignment, the <c>duty.*</c> and <c>mail</c> service task handlers, the completion checks, and the
    /// mails (task mails, notices, talk invitations) delivered through an <see cref="IMailTransport"/> the host registers.
    /// </summary>
    public static IServiceCollection AddFourDutyWorkflows(this IServiceCollection services, Action<WorkflowsSetup> configure)
    {
        var setup = new WorkflowsSetup();
        configure(setup);
        services.AddSingleton(Options.Create(setup.Seeds));
        services.AddSingleton(Options.Create(setup.Evidence));
        services.AddOptions<NotificationOptions>().Configure(o => Copy(setup.Notifications, o))
            .Validate(o => MailCultures.IsWellFormed(o.Culture), "Mail:Culture must be a culture name such as \"zh-CN\" or \"en\".")
            .ValidateOnStart();

        services.AddSingleton<DutyDatabase>();
        services.AddSingleton<IDbContextFactory<DutyDbContext>>(sp => sp.GetRequiredService<DutyDatabase>());
        services.AddSingleton<IDatabaseSchema>(sp => sp.GetRequiredService<DutyDatabase>());
        services.AddSingleton<DutyWrites>();

        services.AddSingleton(_ => PeopleDirectory.Load(SeedOptions.Resolve(setup.Seeds.Organization)));
        services.AddSingleton<PeopleResolver>();
        services.AddSingleton(sp => new DatabaseBusinessCalendar(FirstCalendar(setup.Seeds, sp.GetRequiredService<EngineOptions>())));
        services.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<DatabaseBusinessCalendar>());
        services.AddSingleton(sp => new CalendarStore(sp.GetRequiredService<IDbContextFactory<DutyDbContext>>(), sp.GetRequiredService<DatabaseBusinessCalendar>(),
            sp.GetRequiredService<EngineOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CalendarStore>>()));
        services.AddHostedService<SeedLoader>();
        services.AddHostedService<CalendarRefresh>();
        services.AddSingleton(Options.Create(setup.Models));
        services.AddHostedService<ModelDeployer>();
        services.AddSingleton<IDeploymentRule>(sp => new ModelRules(sp.GetRequiredService<PeopleDirectory>(), () => sp.GetServices<IServiceTaskHandler>()));

        services.AddSingleton<ITaskAssignmentResolver, RoleAssignmentResolver>();
        services.AddSingleton<TaskMailListener>();
        services.AddSingleton<IUserTaskListener>(sp => sp.GetRequiredService<TaskMailListener>());
        services.AddSingleton<IUserTaskListener, LateCompletionListener>();
        services.AddSingleton<ITaskCompletionCheck, ListCompletionCheck>();
        services.AddSingleton<ITaskCompletionCheck, RectificationCompletionCheck>();

        services.AddSingleton<MailTemplates>();
        services.AddSingleton<CalendarInvitations>();
        services.AddSingleton<IOutboxHandler, TaskMailOutboxHandler>();
        services.AddSingleton<IOutboxHandler, NoticeOutboxHandler>();
        services.AddSingleton<IOutboxHandler, LateCompletionHandler>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<Dossiers>();
        services.AddSingleton(setup.Alerts);
        services.AddSingleton<Oversight.Dashboard>();
        services.AddSingleton<Oversight.DossierReader>();
        services.AddSingleton<Oversight.LapseReview>();
        services.AddSingleton<Oversight.Exports.Ledgers>();
        services.AddSingleton<Oversight.Documents.ReportDocuments>();

        foreach (var handler in Handlers)
        {
            services.AddSingleton(typeof(IServiceTaskHandler), handler);
        }

        return services;
    }

    /// <summary>Every service task handler of the domain: the <c>duty.*</c> types of decision 0010 and <c>mail</c>.</summary>
    internal static IReadOnlyList<Type> Handlers { get; } =
    [
        typeof(OpenYearHandler), typeof(SubjectsHandler), typeof(ResolveSubjectHandler), typeof(SaveProjectListHandler), typeof(SaveListsHandler),
        typeof(LoadListsHandler), typeof(SaveAssessmentHandler), typeof(RecordFeedbackHandler), typeof(AssignFindingsHandler),
        typeof(SaveRectificationHandler), typeof(VerifyFindingHandler), typeof(CloseOutHandler), typeof(WrittenReportHandler),
        typeof(RecordLapseHandler), typeof(RecordFollowUpHandler), typeof(CadreAuthorityHandler), typeof(RecordTalkHandler),
        typeof(MailSendTaskHandler),
    ];

    // The calendar file is the first default: deadlines work from the first step, before the database's calendar is read.
    private static BusinessCalendar FirstCalendar(SeedOptions seeds, EngineOptions engine)
    {
        var path = SeedOptions.Resolve(seeds.Calendar);
        return BusinessCalendar.Create(CalendarSeed.Read(path).Data, DateTimeZoneProviders.Tzdb[engine.TimeZone], path);
    }

    private static void Copy(NotificationOptions from, NotificationOptions to)
    {
        to.Culture = from.Culture;
        to.Templates = from.Templates;
        to.PublicUrl = from.PublicUrl;
        to.TaskLinkPath = from.TaskLinkPath;
        to.From = from.From;
    }
}

/// <summary>Everything <see cref="WorkflowsServiceCollectionExtensions.AddFourDutyWorkflows"/> can be told, one options type per concern.</summary>
public sealed class WorkflowsSetup
{
    /// <summary>The seed files.</summary>
    public SeedOptions Seeds { get; } = new();

    /// <summary>The mails' language, templates and links.</summary>
    public NotificationOptions Notifications { get; } = new();

    /// <summary>The limits of uploaded evidence.</summary>
    public EvidenceOptions Evidence { get; } = new();

    /// <summary>The dashboard's colours (<c>Oversight</c> section).</summary>
    public Oversight.AlertRule Alerts { get; } = new();

    /// <summary>The process models deployed at start.</summary>
    public ModelOptions Models { get; } = new();
}
