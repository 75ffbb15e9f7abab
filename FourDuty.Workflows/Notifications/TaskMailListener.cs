using System.Text.Json;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// Every new user task mails the people who may do it (the assignee, else the candidates and the members of
/// the candidate groups), and a reassigned task mails its new assignee. The mails go to the outbox in the
/// step that opened the task: no mail for a step that rolled back, no step without its mail.
/// </summary>
public sealed class TaskMailListener(PeopleDirectory directory) : IUserTaskListener
{
    /// <summary>The outbox kind the mail handler delivers.</summary>
    public const string MailKind = "mail";

    /// <inheritdoc />
    public void OnTaskEvent(UserTaskEvent taskEvent)
    {
        var task = taskEvent.Task;
        var recipients = taskEvent.Kind switch
        {
            UserTaskEventKind.Created => Recipients(task.Assignee, task.CandidateUsers, task.CandidateGroups),
            UserTaskEventKind.Reassigned when task.Assignee is not null => [task.Assignee],
            _ => [],
        };
        foreach (var person in recipients.Where(id => directory.Find(id)?.Email is not null))
        {
            var payload = new TaskMail("task-assigned", task.Id, person, taskEvent.Element.Properties.GetValueOrDefault("article"));
            // The key makes a retried step write the same mail once; a reassignment is a new mail.
            var key = $"task:{task.Id}:assigned:{person}:{task.Revision}";
            taskEvent.Outbox.Add(MailKind, key, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), task.InstanceId, task.Id);
        }
    }

    private IReadOnlyList<string> Recipients(string? assignee, string? candidateUsers, string? candidateGroups) =>
        assignee is not null
            ? [assignee]
            : TaskCandidates.Split(candidateUsers)
                .Concat(TaskCandidates.Split(candidateGroups).SelectMany(g => directory.InGroup(g).Select(p => p.Id)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
}

/// <summary>The payload of a task mail in the outbox.</summary>
/// <param name="Template">The mail template, e.g. <c>task-assigned</c>.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Person">The recipient's person id.</param>
/// <param name="Article">The policy article the task serves (the element's <c>article</c> property), if given.</param>
public sealed record TaskMail(string Template, Guid TaskId, string Person, string? Article = null);
