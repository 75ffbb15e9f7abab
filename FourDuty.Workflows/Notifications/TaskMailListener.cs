using System.Text.Json;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// Every new user task mails the people who may do it (the assignee, else the candidates and the members of
/// the candidate groups), and a reassigned task mails its new assignee. A task that schedules a talk (its
/// <c>talkStart</c> property) also sends the talk's attendees a calendar invitation, and withdraws it when the
/// task is cancelled. An urge (催办, a task comment of type <see cref="Oversight.Urge.CommentType"/>) mails the same people a
/// new task mails, with their links. The mails go to the outbox in the step that changed the task: no mail for a step that
/// rolled back, no step without its mail. A recipient the organisation file does not know, or knows without an
/// address, still gets a row: its delivery fails with the reason, so the outbox page shows that nobody was told.
/// </summary>
public sealed class TaskMailListener(PeopleResolver people) : IUserTaskListener
{
    /// <summary>The outbox kind the mail handler delivers.</summary>
    public const string MailKind = "mail";

    /// <inheritdoc />
    public void OnTaskEvent(UserTaskEvent taskEvent)
    {
        var task = taskEvent.Task;
        var article = PolicyArticle.Of(taskEvent.Element);
        if (taskEvent is { Kind: UserTaskEventKind.Commented, Comment: { Comment.Type: Oversight.Urge.CommentType } urge })
        {
            foreach (var person in Recipients(task))
            {
                // One mail per urge and person: the comment's id keys it, so a retried step writes it once.
                taskEvent.Outbox.AddWithTaskLink(MailKind, $"task:{task.Id}:urged:{person}:{urge.Id:N}",
                    JsonSerializer.Serialize(new TaskMail(Oversight.Urge.MailTemplate, task.Id, person, article, Link: true,
                        Urge: new TaskUrge(urge.Comment.UserId, urge.Comment.Message, urge.At)), JsonSerializerOptions.Web),
                    task.InstanceId, task.Id, person);
            }

            return;
        }

        var recipients = taskEvent.Kind switch
        {
            UserTaskEventKind.Created => Recipients(task),
            UserTaskEventKind.Reassigned when task.Assignee is not null => [task.Assignee],
            _ => [],
        };
        foreach (var person in recipients)
        {
            // The key makes a retried step write the same mail once; a reassignment is a new mail. Everyone mailed here may
            // act on the task, so the mail carries their link, made now with the task (decision 0024).
            taskEvent.Outbox.AddWithTaskLink(MailKind, $"task:{task.Id}:assigned:{person}:{task.Revision}",
                JsonSerializer.Serialize(new TaskMail("task-assigned", task.Id, person, article, Link: true), JsonSerializerOptions.Web),
                task.InstanceId, task.Id, person);
        }

        if (TalkOf(taskEvent) is { } talk && taskEvent.Kind is UserTaskEventKind.Created or UserTaskEventKind.Cancelled)
        {
            var cancelled = taskEvent.Kind == UserTaskEventKind.Cancelled;
            foreach (var attendee in people.Resolve(taskEvent.Property("talkWith")))
            {
                var invitation = talk with { Cancelled = cancelled, Sequence = cancelled ? 1 : 0 };
                Add(taskEvent, $"talk:{task.Id}:{attendee}:{invitation.Sequence}",
                    new TaskMail("talk-invitation", task.Id, attendee, article, invitation));
            }
        }
    }

    private static void Add(UserTaskEvent taskEvent, string key, TaskMail mail) =>
        taskEvent.Outbox.Add(MailKind, key, JsonSerializer.Serialize(mail, JsonSerializerOptions.Web), taskEvent.Task.InstanceId, taskEvent.Task.Id);

    private static Talk? TalkOf(UserTaskEvent taskEvent)
    {
        if (taskEvent.Property("talkStart") is not { } start)
        {
            return null;
        }

        var convener = taskEvent.Task.Assignee ?? taskEvent.Property("talkConvener") ?? "";
        return new Talk(
            DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            taskEvent.Property("talkEnd") is { } end ? DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture) : null,
            taskEvent.Property("talkLocation") ?? "",
            taskEvent.Property("talkKind") ?? "提醒谈话",
            taskEvent.Property("talkReason"),
            convener,
            Sequence: 0,
            Cancelled: false);
    }

    /// <summary>Who a task's mails go to, as they may do it: its assignee, else its candidate users and the members of its candidate groups.</summary>
    public IReadOnlyList<string> Recipients(Engine.Runtime.State.UserTaskRecord task) =>
        task.Assignee is { } assignee ? [assignee] : people.Resolve(Candidates(task));

    /// <summary>Everyone a task is offered to, as <see cref="PeopleResolver"/> names them: its candidate users and <c>group:</c> its candidate groups.</summary>
    public static IEnumerable<string> Candidates(Engine.Runtime.State.UserTaskRecord task) =>
        TaskCandidates.Split(task.CandidateUsers).Concat(TaskCandidates.Split(task.CandidateGroups).Select(g => $"group:{g}"));
}

/// <summary>The payload of a task mail in the outbox.</summary>
/// <param name="Template">The mail template, e.g. <c>task-assigned</c>.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Person">The recipient's person id.</param>
/// <param name="Article">The policy article the task serves (the element's <c>article</c> property), if given.</param>
/// <param name="Talk">The talk the mail invites to (or withdraws), for <c>talk-invitation</c>.</param>
/// <param name="Link">True when the row carries the person's task link (made by the step that wrote the row).</param>
/// <param name="Urge">The urge the mail passes on, for <c>task-urged</c>.</param>
public sealed record TaskMail(string Template, Guid TaskId, string Person, string? Article = null, Talk? Talk = null, bool Link = false,
    TaskUrge? Urge = null);

/// <summary>An urge (催办) as its mail tells it.</summary>
/// <param name="By">The person id of who urged.</param>
/// <param name="Message">Their message, if any.</param>
/// <param name="At">When.</param>
public sealed record TaskUrge(string By, string? Message, DateTimeOffset At);

/// <summary>A scheduled talk (约谈), sent as a calendar invitation.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends (an hour after the start if not given).</param>
/// <param name="Location">Where.</param>
/// <param name="Kind">提醒谈话, 诫勉谈话, 廉政谈话.</param>
/// <param name="Reason">Why.</param>
/// <param name="Convener">The person who holds it (the task's assignee).</param>
/// <param name="Sequence">The invitation's SEQUENCE: 0 when sent, higher for each change.</param>
/// <param name="Cancelled">True for the withdrawal (METHOD:CANCEL).</param>
public sealed record Talk(DateTimeOffset Start, DateTimeOffset? End, string Location, string Kind, string? Reason, string Convener, int Sequence, bool Cancelled);
