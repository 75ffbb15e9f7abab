using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Store;

/// <summary>What the API and the job driver read; never used inside a step. Rows returned are copies.</summary>
public interface IEngineQueries
{
    /// <summary>Every deployed version, or the versions of one key, by key and version.</summary>
    Task<IReadOnlyList<ProcessDefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken cancellationToken = default);

    /// <summary>An instance with everything running in it; null if there is no such instance.</summary>
    Task<InstanceSnapshot?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances matching the filter, oldest first.</summary>
    Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(InstanceFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A user task in any state; null if there is no such task.</summary>
    Task<UserTaskRecord?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A user task in any state with what a page or a mail shows beside it (its instance, its process's name, the form its
    /// <c>camunda:formKey</c> names); null if there is no such task. One read, nothing written: the task page and the task
    /// mail both use it.
    /// </summary>
    Task<TaskView?> GetTaskViewAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A task link by its token's hash with the view of its task (as <see cref="GetTaskViewAsync"/>; null when the task is
    /// gone), in one read; null if there is no such link. What the task page opened from a mail needs, and nothing written.
    /// </summary>
    Task<TaskLinkView?> FindTaskLinkViewAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>User tasks matching the filter, oldest first.</summary>
    Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open tasks a person may be asked about, oldest first, each with its process's name and business key, in one read:
    /// assigned to them, delegated by them (they own it), or unassigned with candidates. Only candidate users are matched
    /// here; who belongs to a candidate group is the caller's to decide. Served by indexes on (status, assignee) and
    /// (status, owner), so a million open tasks of others cost nothing.
    /// </summary>
    Task<IReadOnlyList<PersonalTask>> ListPersonalTasksAsync(string person, CancellationToken cancellationToken = default);

    /// <summary>Open incidents, of one instance or of all.</summary>
    Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken = default);

    /// <summary>The history of an instance, in order.</summary>
    Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Outbox rows, newest first (the outbox page).</summary>
    Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The outbox rows one instance wrote (its mails), newest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> ListOutboxOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Pending outbox rows due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> FindDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Timers due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<TimerRecord>> FindDueTimersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Jobs due at or before <paramref name="now"/> that still have attempts left, earliest first.</summary>
    Task<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}

/// <summary>An instance with everything running in it, read in one go.</summary>
/// <param name="Instance">The instance row.</param>
/// <param name="Tokens">Where it is.</param>
/// <param name="Scopes">Its running scopes.</param>
/// <param name="Variables">Its variables, in every scope.</param>
/// <param name="OpenTasks">Its open user tasks.</param>
/// <param name="Timers">Its pending timers.</param>
/// <param name="Subscriptions">Its open message and signal subscriptions.</param>
/// <param name="Jobs">Its pending jobs.</param>
/// <param name="Incidents">Its open incidents.</param>
public sealed record InstanceSnapshot(
    InstanceRecord Instance,
    IReadOnlyList<TokenRecord> Tokens,
    IReadOnlyList<ScopeRecord> Scopes,
    IReadOnlyList<VariableRecord> Variables,
    IReadOnlyList<UserTaskRecord> OpenTasks,
    IReadOnlyList<TimerRecord> Timers,
    IReadOnlyList<SubscriptionRecord> Subscriptions,
    IReadOnlyList<JobRecord> Jobs,
    IReadOnlyList<IncidentRecord> Incidents);

/// <summary>A user task with what is shown beside it, read in one go.</summary>
/// <param name="Task">The task, in any state.</param>
/// <param name="Instance">Its instance.</param>
/// <param name="ProcessName">The name of the process version it runs in (its key when unnamed).</param>
/// <param name="FormRecord">The deployed form its formKey names, or null.</param>
public sealed record TaskView(UserTaskRecord Task, InstanceRecord Instance, string ProcessName, FormDefinitionRecord? FormRecord);

/// <summary>A task link and what it leads to.</summary>
/// <param name="Link">The link.</param>
/// <param name="View">Its task with what is shown beside it; null when the task no longer exists.</param>
public sealed record TaskLinkView(TaskLinkRecord Link, TaskView? View);

/// <summary>An open task with what a list of work shows beside it.</summary>
/// <param name="Task">The task.</param>
/// <param name="ProcessName">Its process's name (the key when the model names none).</param>
/// <param name="BusinessKey">Its instance's business key.</param>
public sealed record PersonalTask(UserTaskRecord Task, string ProcessName, string? BusinessKey);

/// <summary>Which instances to list.</summary>
/// <param name="DefinitionKey">Only instances of this process.</param>
/// <param name="Status">Only instances in this state.</param>
/// <param name="BusinessKey">Only instances with this business key.</param>
/// <param name="ParentInstanceId">Only instances called by this one.</param>
public sealed record InstanceFilter(string? DefinitionKey = null, InstanceStatus? Status = null, string? BusinessKey = null, Guid? ParentInstanceId = null);

/// <summary>Which user tasks to list (open ones unless a status is given).</summary>
/// <param name="Assignee">Only tasks assigned to this person.</param>
/// <param name="CandidateUser">Only tasks this person may claim.</param>
/// <param name="CandidateGroup">Only tasks this group may claim.</param>
/// <param name="InstanceId">Only tasks of this instance.</param>
/// <param name="Status">Open (default), completed or cancelled.</param>
/// <param name="DueBefore">Only tasks due at or before this instant.</param>
/// <param name="DueFrom">Only tasks due at or after this instant.</param>
public sealed record TaskFilter(
    string? Assignee = null,
    string? CandidateUser = null,
    string? CandidateGroup = null,
    Guid? InstanceId = null,
    UserTaskStatus Status = UserTaskStatus.Open,
    DateTimeOffset? DueBefore = null,
    DateTimeOffset? DueFrom = null);
