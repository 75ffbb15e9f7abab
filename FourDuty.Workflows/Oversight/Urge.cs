namespace FourDuty.Workflows.Oversight;

/// <summary>
/// 催办: the office or the discipline secretary presses the people of an open task to do it. An urge is a task comment of
/// the type <see cref="CommentType"/> (kept in the instance's history); the task mail listener mails the task's assignee,
/// else its candidates, the <see cref="MailTemplate"/> mail with their task link, in the step that records it.
/// </summary>
public static class Urge
{
    /// <summary>The task comment type of an urge.</summary>
    public const string CommentType = "urge";

    /// <summary>The mail template of an urge (<c>workflows/mail/task-urged.*.liquid</c>).</summary>
    public const string MailTemplate = "task-urged";

    /// <summary>The longest message an urge may carry, in characters (it goes into a mail's subject line's neighbourhood, not a letter).</summary>
    public const int MaxMessageLength = 200;
}
