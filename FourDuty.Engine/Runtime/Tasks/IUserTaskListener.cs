using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// Told, inside the step, when a user task is created, reassigned, completed or cancelled: the place to write
/// notifications (emails) to the outbox, so they commit with the step. Must not do I/O itself.
/// </summary>
public interface IUserTaskListener
{
    /// <summary>Handles one event.</summary>
    void OnTaskEvent(UserTaskEvent taskEvent);
}

/// <summary>What happened to a user task.</summary>
public enum UserTaskEventKind
{
    /// <summary>The task was opened.</summary>
    Created,

    /// <summary>A candidate took the task, or gave it back to the candidates.</summary>
    Claimed,

    /// <summary>Someone else gave the task to a new assignee (assign, delegate).</summary>
    Reassigned,

    /// <summary>Someone completed it.</summary>
    Completed,

    /// <summary>Its scope was cancelled or interrupted.</summary>
    Cancelled,

    /// <summary>Someone left a comment on the open task (<see cref="UserTaskEvent.Comment"/>); the task itself is unchanged.</summary>
    Commented,
}

/// <summary>One user task event with what a listener needs to act on it.</summary>
public sealed class UserTaskEvent
{
    /// <summary>What happened.</summary>
    public required UserTaskEventKind Kind { get; init; }

    /// <summary>The task as it is now.</summary>
    public required UserTaskRecord Task { get; init; }

    /// <summary>The instance.</summary>
    public required InstanceRecord Instance { get; init; }

    /// <summary>The process name (or key).</summary>
    public required string ProcessName { get; init; }

    /// <summary>The user task element (documentation, properties, lane).</summary>
    public required FlowNode Element { get; init; }

    /// <summary>The step's time.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Where to write what must be delivered after the step commits.</summary>
    public required IOutbox Outbox { get; init; }

    /// <summary>
    /// The value of one of the element's <c>camunda:properties</c>, with <c>${...}</c> evaluated against the task's
    /// variables (a date comes back as ISO 8601 text); null when the element has no such property.
    /// </summary>
    public required Func<string, string?> Property { get; init; }

    /// <summary>The comment, for <see cref="UserTaskEventKind.Commented"/>; null otherwise.</summary>
    public TaskCommentEntry? Comment { get; init; }
}

/// <summary>Writes outbox rows in the current step.</summary>
public interface IOutbox
{
    /// <summary>Adds a row for the handler of <paramref name="kind"/>; <paramref name="key"/> makes it unique.</summary>
    void Add(string kind, string key, string payloadJson, Guid? instanceId = null, Guid? taskId = null);

    /// <summary>
    /// Adds a row, as <see cref="Add"/> does, that carries a link by which <paramref name="person"/> may act on the task
    /// <paramref name="taskId"/> without signing in. The link (its token's hash and expiry) commits with the step; its token is
    /// derived from the row's id, so every delivery of the row gets the same one from <see cref="ProcessEngine.TaskLinkTokenOfAsync"/>.
    /// </summary>
    void AddWithTaskLink(string kind, string key, string payloadJson, Guid instanceId, Guid taskId, string person);
}
