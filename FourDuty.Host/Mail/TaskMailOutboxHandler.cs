using System.Text.Json;
using FourDuty.Engine;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Host.TaskPages;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Mail;

/// <summary>
/// Delivers the task mails the steps wrote to the outbox: renders the template for the recipient, puts a fresh
/// one-time link to the task page in it (only the link's hash is stored), and sends it. A task that was done
/// before its mail went out is skipped; the transport's verdict decides between sent, retry and failed.
/// </summary>
internal sealed class TaskMailOutboxHandler(
    ProcessEngine engine,
    PeopleDirectory directory,
    MailTemplates templates,
    IMailTransport transport,
    IOptions<MailOptions> mail,
    EngineOptions engineOptions,
    CalendarInvitations invitations,
    IConfiguration configuration) : IOutboxHandler
{
    public string Kind => TaskMailListener.MailKind;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<TaskMail>(message.Payload, JsonSerializerOptions.Web)!;
        var task = await engine.Queries.GetTaskAsync(payload.TaskId, cancellationToken);
        var known = directory.Find(payload.Person);
        if (known is not { Email: not null } person)
        {
            return OutboxOutcome.Failed(known is null
                ? $"'{payload.Person}' is not in the organisation file; add the person, or correct the task's assignee or candidates."
                : $"'{payload.Person}' has no email address in the organisation file.");
        }

        if (payload.Talk is { } talk && task is not null)
        {
            return await SendAsync(message.Id, person, await TalkContentAsync(talk, payload, person, task, cancellationToken), cancellationToken);
        }

        if (task is not { Status: UserTaskStatus.Open })
        {
            return OutboxOutcome.Skipped($"not sent: task {payload.TaskId} is {task?.Status.ToString().ToLowerInvariant() ?? "gone"}");
        }

        var now = engine.Clock.GetUtcNow();
        var token = TaskLinkTokens.Create();
        await engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), task.Id, person.Id, now + engineOptions.TaskLinkLifetime, cancellationToken);
        var instance = (await engine.Queries.GetInstanceAsync(task.InstanceId, cancellationToken))!.Instance;
        var processName = (await engine.Queries.ListDefinitionsAsync(instance.DefinitionKey, cancellationToken))
            .FirstOrDefault(d => d.Id == instance.DefinitionId)?.Name ?? instance.DefinitionKey;
        var culture = mail.Value.Culture;
        var model = new TaskMailModel
        {
            RecipientName = person.Name,
            TaskName = task.Name ?? task.ElementId,
            Description = task.Description,
            Article = payload.Article,
            ProcessName = processName,
            BusinessKey = instance.BusinessKey,
            DueAt = task.DueAt is { } due ? MailDates.Format(due, culture) : null,
            DaysRemaining = task.DueAt is { } remaining ? Math.Max(0, (int)Math.Ceiling((remaining - now).TotalDays)) : null,
            TaskUrl = $"{PublicUrl()}{TaskPageEndpoints.Prefix}{token}",
            InstanceId = instance.Id.ToString(),
            TaskId = task.Id.ToString(),
        };
        var content = await templates.RenderAsync(payload.Template, culture, model, cancellationToken);
        return await SendAsync(message.Id, person, content, cancellationToken);
    }

    /// <summary>A talk invitation (REQUEST) or its withdrawal (CANCEL), with a stable UID per task and an increasing SEQUENCE.</summary>
    private async Task<MailContent> TalkContentAsync(Talk talk, TaskMail payload, Person attendee, UserTaskRecord task, CancellationToken cancellationToken)
    {
        var culture = mail.Value.Culture;
        var convener = directory.Find(talk.Convener);
        var end = talk.End ?? talk.Start.AddHours(1);
        var invitation = new TalkInvitation(
            $"talk-{task.Id:N}@{mail.Value.MessageIdDomain}", talk.Sequence, talk.Kind, talk.Reason, talk.Location, talk.Start, end,
            convener?.Name ?? talk.Convener, convener?.Email ?? mail.Value.From ?? "noreply@fourduty.mail", attendee.Name, attendee.Email!);
        var model = new TalkMailModel
        {
            RecipientName = attendee.Name,
            TalkKind = talk.Kind,
            Reason = talk.Reason,
            Article = payload.Article,
            StartAt = MailDates.Format(talk.Start, culture),
            EndAt = MailDates.FormatEnd(talk.Start, end, culture),
            Location = talk.Location,
            ConvenerName = convener?.Name ?? talk.Convener,
            Cancelled = talk.Cancelled,
        };
        var content = await templates.RenderAsync(payload.Template, culture, model, cancellationToken);
        return content with { Calendar = talk.Cancelled ? invitations.CreateCancel(invitation) : invitations.CreateRequest(invitation) };
    }

    private async Task<OutboxOutcome> SendAsync(Guid outboxId, Person person, MailContent content, CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(new MailEnvelope(outboxId, person.Email!, person.Name, content), cancellationToken);
        return outcome.Kind switch
        {
            MailOutcomeKind.Sent => OutboxOutcome.Sent(outcome.Reply),
            MailOutcomeKind.RetryLater => OutboxOutcome.RetryLater(outcome.Reply),
            _ => OutboxOutcome.Failed(outcome.Reply),
        };
    }

    private string PublicUrl() => (configuration["PublicUrl"] ?? configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5080").TrimEnd('/');
}
