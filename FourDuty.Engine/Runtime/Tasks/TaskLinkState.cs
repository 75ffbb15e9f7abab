using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>What a task link leads to, and whether it may still be used.</summary>
/// <param name="Status">Open, or why not.</param>
/// <param name="Task">The task, when the link is genuine.</param>
/// <param name="Person">The person the link was sent to.</param>
/// <param name="ExpiresAt">When the link expires.</param>
public sealed record TaskLinkState(TaskLinkStatus Status, UserTaskRecord? Task, string? Person, DateTimeOffset? ExpiresAt)
{
    /// <summary>With <see cref="TaskLinkStatus.InvalidSubmission"/>: what is wrong with each field.</summary>
    public IReadOnlyList<Forms.FormFieldError> Errors { get; init; } = [];

    /// <summary>When read for a page: the task with what is shown beside it (its instance, process name and form).</summary>
    public Store.TaskView? View { get; init; }

    /// <summary>What <paramref name="link"/> leads to at <paramref name="now"/>, given its task as read.</summary>
    internal static TaskLinkState Of(TaskLinkRecord? link, UserTaskRecord? task, DateTimeOffset now)
    {
        if (link is null)
        {
            return new TaskLinkState(TaskLinkStatus.Unknown, null, null, null);
        }

        var status = task switch
        {
            null => TaskLinkStatus.Unknown,
            { Status: UserTaskStatus.Completed } => TaskLinkStatus.AlreadyCompleted,
            { Status: UserTaskStatus.Cancelled } => TaskLinkStatus.Withdrawn,
            _ when link.UsedAt is not null => TaskLinkStatus.Used,
            _ when link.ExpiresAt <= now => TaskLinkStatus.Expired,
            _ when !MayAct(task, link.Person) => TaskLinkStatus.Reassigned,
            _ => TaskLinkStatus.Open,
        };
        return new TaskLinkState(status, task, link.Person, link.ExpiresAt);
    }

    // The link's person may act while the task is assigned to them, or unassigned and offered to them.
    private static bool MayAct(UserTaskRecord task, string person) =>
        task.Assignee is { } assignee
            ? assignee == person
            : TaskCandidates.Contains(task.CandidateUsers, person) || task.CandidateGroups is not null;
}

/// <summary>Whether a task link may be used, or why not.</summary>
public enum TaskLinkStatus
{
    /// <summary>Genuine, unexpired, unused, and the task is open and still the person's.</summary>
    Open,

    /// <summary>Used just now to complete the task.</summary>
    CompletedNow,

    /// <summary>Still open: the submission broke the task form's rules, nothing was changed.</summary>
    InvalidSubmission,

    /// <summary>No such link: mistyped, forged, or from another system.</summary>
    Unknown,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Already used once.</summary>
    Used,

    /// <summary>The task was completed (by this person or another).</summary>
    AlreadyCompleted,

    /// <summary>The task was withdrawn (its process moved on or was cancelled).</summary>
    Withdrawn,

    /// <summary>The task now belongs to someone else.</summary>
    Reassigned,
}
