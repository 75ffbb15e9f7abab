using System.Globalization;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Host.Mail;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// The seeded college's year on the real Host: the four processes deployed at start, a simulated clock that only the
/// test moves (no background job server, so every timer, job and mail runs when the clock is moved, in order), mail
/// through the in-process SMTP server. Times are written in the college's zone (UTC+8).
/// </summary>
internal sealed class CollegeYear : IAsyncDisposable
{
    public static readonly TimeSpan Zone = TimeSpan.FromHours(8);

    private CollegeYear(FourDutyHostFactory host, TestSmtpServer smtp, string? postgres)
    {
        Host = host;
        Smtp = smtp;
        Postgres = postgres;
    }

    public FourDutyHostFactory Host { get; }

    public TestSmtpServer Smtp { get; }

    public string? Postgres { get; }

    public ProcessEngine Engine => Host.Services.GetRequiredService<ProcessEngine>();

    public DateTimeOffset Now => Engine.Clock.GetUtcNow().ToOffset(Zone);

    /// <summary>A host on a fresh database (or on <paramref name="postgres"/>, to share one), its clock at <paramref name="start"/>.</summary>
    public static async Task<CollegeYear> StartAsync(TestStore store, string start = "2026-01-04T08:00", string? postgres = null, TestSmtpServer? smtp = null,
        string? sqliteFile = null)
    {
        postgres ??= store == TestStore.Postgres ? await TestPostgres.CreateDatabaseAsync("year") : null;
        smtp ??= await TestSmtpServer.StartAsync();
        var host = new FourDutyHostFactory(postgres, new Dictionary<string, string>(smtp.MailSettings())
        {
            ["Clock:Mode"] = "Simulated",
            ["Clock:Start"] = At(start).ToString("O", CultureInfo.InvariantCulture),
            ["Jobs:Server"] = "false",
        });
        if (sqliteFile is not null)
        {
            host = new FourDutyHostFactory(postgres, new Dictionary<string, string>(smtp.MailSettings())
            {
                ["Clock:Mode"] = "Simulated",
                ["Clock:Start"] = At(start).ToString("O", CultureInfo.InvariantCulture),
                ["Jobs:Server"] = "false",
                ["ConnectionStrings:Sqlite"] = $"Data Source={sqliteFile}",
            });
        }

        _ = host.Services;
        return new CollegeYear(host, smtp, postgres);
    }

    /// <summary>Another host on the same database and SMTP server, its clock where this one's is.</summary>
    public Task<CollegeYear> AnotherAsync(TestStore store) => StartAsync(store, Local(Now), Postgres, Smtp, store == TestStore.Sqlite ? Host.SqliteFile : null);

    /// <summary>An instant as <see cref="At"/> reads it.</summary>
    public static string Local(DateTimeOffset instant) => instant.ToOffset(Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None), Zone);

    /// <summary>Moves the clock to <paramref name="local"/>, running every timer, job and mail on its way at its time.</summary>
    public async Task AdvanceToAsync(string local)
    {
        var target = At(local);
        if (target > Engine.Clock.GetUtcNow())
        {
            await Engine.AdvanceClockAsync(target - Engine.Clock.GetUtcNow());
        }
    }

    /// <summary>The open tasks of an element, over every instance.</summary>
    public async Task<List<UserTaskRecord>> TasksAsync(string elementId) =>
        (await Engine.Queries.ListTasksAsync(new())).Where(t => t.ElementId == elementId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Assignee).ToList();

    /// <summary>Completes <paramref name="task"/> as its assignee (or <paramref name="user"/>), then runs what it started.</summary>
    public async Task CompleteAsync(UserTaskRecord task, object variables, string? user = null)
    {
        await Engine.CompleteTaskAsync(task.Id, Scenario.Variables(variables), user ?? task.Assignee);
        await Engine.RunDueWorkAsync();
    }

    /// <summary>Completes every open task of an element, each with what <paramref name="variables"/> gives for it.</summary>
    public async Task CompleteAllAsync(string elementId, Func<UserTaskRecord, object> variables, Func<UserTaskRecord, bool>? which = null, string? user = null)
    {
        foreach (var task in (await TasksAsync(elementId)).Where(which ?? (_ => true)))
        {
            await CompleteAsync(task, variables(task), user);
        }
    }

    public DutyDbContext Db() => Host.Services.GetRequiredService<IDbContextFactory<DutyDbContext>>().CreateDbContext();

    /// <summary>Every mail the SMTP server received: to whom, on which day (the college's), its subject and text.</summary>
    public IReadOnlyList<Mail> Mails => Smtp.Received.Select(r => new Mail(
        r.EnvelopeTo.Single().Split('@')[0], DateOnly.FromDateTime(r.Message.Date.ToOffset(Zone).DateTime), r.Message.Subject ?? "", r.Message.TextBody ?? "",
        r.Message.BodyParts.OfType<MimeKit.TextPart>().Any(p => p.ContentType.MimeType == "text/calendar"))).ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
    }

    /// <summary>One mail as a person received it.</summary>
    /// <param name="To">The person id (the address before <c>@college.example</c>).</param>
    public sealed record Mail(string To, DateOnly On, string Subject, string Text, bool HasInvitation)
    {
        public bool HasLink => Text.Contains("/t/", StringComparison.Ordinal);

        public override string ToString() => $"{On:yyyy-MM-dd} {To}: {Subject}";
    }
}
