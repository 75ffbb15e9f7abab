using System.Globalization;
using System.Text.Json;
using FourDuty.Engine.Outbox;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// Delivers notices about the domain's records (<see cref="NoticeMail"/>): a lapse to the subject and the related subjects,
/// a talk's report to the upper body. Rendered in the recipient's language, with what happened, by when, under which article.
/// </summary>
internal sealed class NoticeOutboxHandler(
    IDbContextFactory<DutyDbContext> contexts,
    PeopleDirectory directory,
    PeopleResolver people,
    MailTemplates templates,
    IMailTransport transport,
    IOptions<NotificationOptions> options) : IOutboxHandler
{
    public string Kind => NoticeMail.Kind;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<NoticeMail>(message.Payload, JsonSerializerOptions.Web)!;
        if (MailRecipient.Find(directory, payload.Person) is { Failure: { } failure })
        {
            return failure;
        }

        var person = directory.Find(payload.Person)!;
        var culture = MailRecipient.CultureOf(person, options.Value);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        object? model = payload switch
        {
            { LapseId: { } lapse } => await LapseModelAsync(db, lapse, person, culture, payload.Article, cancellationToken),
            { TalkId: { } talk } => await TalkModelAsync(db, talk, person, culture, payload.Article, cancellationToken),
            _ => null,
        };
        if (model is null)
        {
            return OutboxOutcome.Failed($"the notice names no lapse or talk that exists ({message.Payload})");
        }

        var content = await templates.RenderAsync(payload.Template, culture, model, cancellationToken);
        return await MailRecipient.SendAsync(transport, message.Id, person, content, cancellationToken);
    }

    private async Task<LapseMailModel?> LapseModelAsync(DutyDbContext db, Guid id, Person recipient, string culture, string? article, CancellationToken cancellationToken)
    {
        if (await db.Lapses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lapse)
        {
            return null;
        }

        var around = people.Around(lapse.SubjectId);
        return new LapseMailModel
        {
            RecipientName = recipient.Name,
            SubjectName = around?.Subject.Name ?? lapse.SubjectId,
            PersonName = lapse.PersonId is null ? null : directory.Find(lapse.PersonId)?.Name ?? lapse.PersonId,
            What = lapse.What,
            DueAt = MailDates.Format(lapse.DueAt, culture),
            RecordedAt = MailDates.Format(lapse.CreatedAt, culture),
            Article = lapse.Article ?? article,
            LapsesThisYear = await db.Lapses.CountAsync(l => l.SubjectId == lapse.SubjectId && l.Year == lapse.Year, cancellationToken),
            FollowUpName = around?.SupervisingLeader is { } leader ? directory.Find(leader)?.Name ?? leader : null,
            ToSubject = recipient.Id == lapse.PersonId,
        };
    }

    private async Task<TalkReportMailModel?> TalkModelAsync(DutyDbContext db, Guid id, Person recipient, string culture, string? article,
        CancellationToken cancellationToken)
    {
        if (await db.Talks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } talk)
        {
            return null;
        }

        var commitments = await db.Commitments.AsNoTracking().Where(c => c.TalkId == id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var talked = directory.Find(talk.PersonId);
        return new TalkReportMailModel
        {
            RecipientName = recipient.Name,
            Unit = directory.Unit,
            TalkKind = KindName(talk.Kind, culture),
            PersonName = talked is null ? talk.PersonId : talked.Title is null ? talked.Name : $"{talked.Name}（{talked.Title}）",
            HolderName = directory.Find(talk.HolderId)?.Name ?? talk.HolderId,
            AssistantName = talk.AssistantId is null ? null : directory.Find(talk.AssistantId)?.Name ?? talk.AssistantId,
            Reason = talk.Reason,
            HeldAt = talk.ScheduledAt is { } at ? MailDates.Format(at, culture) : null,
            Record = talk.Record,
            Commitments = commitments.Select(c => c.DueOn is { } due
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Number}. {c.Text}（{due:yyyy-MM-dd}）")
                : $"{c.Number}. {c.Text}").ToList(),
            Article = article ?? "《实施办法》第十七条",
        };
    }

    private static string KindName(TalkKind kind, string culture) => culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
        ? kind switch { TalkKind.Admonition => "诫勉谈话", TalkKind.Integrity => "廉政谈话", _ => "提醒谈话" }
        : kind switch { TalkKind.Admonition => "admonition talk", TalkKind.Integrity => "integrity talk", _ => "reminder talk" };
}
