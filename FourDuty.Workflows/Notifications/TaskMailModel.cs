namespace FourDuty.Workflows.Notifications;

/// <summary>
/// What the task mails (<c>task-assigned</c>, <c>task-reminder</c>, <c>task-overdue</c>, <c>task-escalated</c>, <c>task-urged</c>) show.
/// Templates name the members in snake case: <c>{{ task_name }}</c>, <c>{{ due_at }}</c>, <c>{{ task_url }}</c>.
/// Values are plain text: the HTML template escapes them.
/// </summary>
internal sealed record TaskMailModel
{
    /// <summary>Who receives the mail, e.g. 张三.</summary>
    public required string RecipientName { get; init; }

    /// <summary>The user task's name, e.g. 填报年度责任清单.</summary>
    public required string TaskName { get; init; }

    /// <summary>What is asked, in a sentence or two.</summary>
    public string? Description { get; init; }

    /// <summary>The article of the measures the task serves, e.g. 《实施办法》第十条.</summary>
    public string? Article { get; init; }

    /// <summary>The process the task belongs to, e.g. 年度清单.</summary>
    public required string ProcessName { get; init; }

    /// <summary>The instance's business key, e.g. 2026-年度清单.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The deadline as people read it (see <see cref="MailDates.Format"/>), e.g. 2026年3月5日 17:00; empty when there is none.</summary>
    public string? DueAt { get; init; }

    /// <summary>Whole days left until the deadline (reminders).</summary>
    public int? DaysRemaining { get; init; }

    /// <summary>Whole days past the deadline (overdue and escalation notices).</summary>
    public int? DaysOverdue { get; init; }

    /// <summary>Who holds the task, when the mail goes to someone else (an overdue or escalation notice to a related subject).</summary>
    public string? AssigneeName { get; init; }

    /// <summary>
    /// The task page: the personal link whose token authorises this task only; null when the recipient is told about a
    /// task someone else holds (a supervising leader's notice), which they cannot complete.
    /// </summary>
    public string? TaskUrl { get; init; }

    /// <summary>The process instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The user task.</summary>
    public string? TaskId { get; init; }

    /// <summary>Who urged the task (催办), by name; only in <c>task-urged</c>.</summary>
    public string? UrgedBy { get; init; }

    /// <summary>Their title in the organisation, e.g. 纪委书记.</summary>
    public string? UrgedByTitle { get; init; }

    /// <summary>When they urged it, as people read it.</summary>
    public string? UrgedAt { get; init; }

    /// <summary>What they wrote, if anything (plain text).</summary>
    public string? UrgeMessage { get; init; }
}
