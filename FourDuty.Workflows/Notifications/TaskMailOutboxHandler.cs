using System.Text.Json;
using FourDuty.Engine;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Organization;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// Delivers the task mails the steps wrote to the outbox: renders the template in the recipient's language, puts the
/// person's link to the task page in it (made by the step that wrote the row, so every delivery carries the same one) while
/// they may still act on the task, and hands it to the transport. A task that was done before its mail went out is skipped; the transport's verdict decides
/// between sent, retry and failed.
/// </summary>
internal sealed class TaskMailOutboxHandler(
    ProcessEngine engine,
    PeopleDirectory directory,
    MailTemplates templates,
    IMailTransport transport,
    IOptions<NotificationOptions> options,
    CalendarInvitations invitations) : IOutboxHandler
{
    public string Kind => TaskMailListener.MailKind;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<TaskMail>(message.Payload, JsonSerializerOptions.Web)!;
        // The one task view the task page reads too: the task with its instance and process name, in one read.
        var view = await engine.Queries.GetTaskViewAsync(payload.TaskId, cancellationToken);
        var task = view?.Task;
        if (MailRecipient.Find(directory, payload.Person) is { Failure: { } failure })
        {
            return failure;
        }

        var person = directory.Find(payload.Person)!;
        var culture = MailRecipient.CultureOf(person, options.Value);
        if (payload.Talk is { } talk && task is not null)
        {
            return await MailRecipient.SendAsync(transport, message.Id, person, await TalkContentAsync(talk, payload, person, culture, task, cancellationToken),
                cancellationToken);
        }

        if (task is not { Status: UserTaskStatus.Open })
        {
            return OutboxOutcome.Skipped($"not sent: task {payload.TaskId} is {task?.Status.ToString().ToLowerInvariant() ?? "gone"}");
        }

        var now = engine.Clock.GetUtcNow();
        var instance = view!.Instance;
        var processName = view.ProcessName;
        var holder = task.Assignee is { } assignee && assignee != person.Id ? directory.Find(assignee)?.Name ?? assignee : null;
        var model = new TaskMailModel
        {
            RecipientName = person.Name,
            TaskName = task.Name ?? task.ElementId,
            Description = task.Description,
            Article = payload.Article,
            ProcessName = processName,
            BusinessKey = instance.BusinessKey,
            DueAt = task.DueAt is { } due ? MailDates.Format(due, culture) : null,
            DaysRemaining = task.DueAt is { } remaining && remaining >= now ? (int)Math.Ceiling((remaining - now).TotalDays) : null,
            DaysOverdue = task.DueAt is { } overdue && overdue < now ? (int)Math.Floor((now - overdue).TotalDays) : null,
            AssigneeName = holder,
            TaskUrl = payload.Link && MayAct(task, person.Id) ? options.Value.TaskUrl(await engine.TaskLinkTokenOfAsync(message.Id, cancellationToken)) : null,
            InstanceId = instance.Id.ToString(),
            TaskId = task.Id.ToString(),
            UrgedBy = payload.Urge is { } urge ? directory.Find(urge.By)?.Name ?? urge.By : null,
            UrgedByTitle = payload.Urge is { } by ? directory.Find(by.By)?.Title : null,
            UrgedAt = payload.Urge is { } at ? MailDates.Format(at.At, culture) : null,
            UrgeMessage = payload.Urge?.Message,
        };
        var content = await templates.RenderAsync(payload.Template, culture, model, cancellationToken);
        return await MailRecipient.SendAsync(transport, message.Id, person, content, cancellationToken);
    }

    // A link only for someone who may complete the task: anyone else's link would open on "this task is not yours".
    internal static bool MayAct(UserTaskRecord task, string person) =>
        task.Assignee is { } assignee ? assignee == person : TaskCandidates.Contains(task.CandidateUsers, person) || task.CandidateGroups is not null;

    /// <summary>A talk invitation (REQUEST) or its withdrawal (CANCEL), with a stable UID per task and an increasing SEQUENCE.</summary>
    private async Task<MailContent> TalkContentAsync(Talk talk, TaskMail payload, Person attendee, string culture, UserTaskRecord task,
        CancellationToken cancellationToken)
    {
        var convener = directory.Find(talk.Convener);
        var end = talk.End ?? talk.Start.AddHours(1);
        var invitation = new TalkInvitation(
            $"talk-{task.Id:N}@{new Uri(options.Value.PublicUrl).Host}", talk.Sequence, talk.Kind, talk.Reason, talk.Location, talk.Start, end,
            convener?.Name ?? talk.Convener, convener?.Email ?? options.Value.From ?? "noreply@fourduty.mail", attendee.Name, attendee.Email!);
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
}
