using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Store;

/// <summary>
/// Where the engine keeps its state. The runtime only ever talks to this interface; it is implemented in
/// memory and on Entity Framework Core (PostgreSQL, SQLite), and the same tests run on each.
/// </summary>
internal interface IEngineStore
{
    /// <summary>Starts a unit of work: everything read and changed through it commits together or not at all.</summary>
    Task<IStoreSession> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Read-only queries for the API and the job driver.</summary>
    IEngineQueries Queries { get; }

    /// <summary>
    /// The task link key kept in the store: the one stored, or <paramref name="proposed"/> stored now if there is none yet
    /// (two nodes proposing at once agree on the one that was stored first).
    /// </summary>
    Task<byte[]> KeepTaskLinkKeyAsync(byte[] proposed, CancellationToken cancellationToken);
}

/// <summary>One step's unit of work.</summary>
internal interface IStoreSession : IAsyncDisposable
{
    Task<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// A user task in any state and, if it exists, the instance that holds it, loaded as <see cref="LoadInstanceAsync"/> does:
    /// the one read a task completion needs (one round trip where the store can).
    /// </summary>
    Task<(UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>
    /// The link of <paramref name="tokenHash"/> (to be changed and committed by this session), its task in any state and that
    /// task's instance, loaded as <see cref="LoadInstanceAsync"/> does: the one read a completion through a link needs.
    /// </summary>
    Task<(TaskLinkRecord? Link, UserTaskRecord? Task, InstanceState? Instance)> LoadInstanceOfTaskLinkAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Reads these instances ahead, in one round trip where the store can, so that a step acting on many (a batch of
    /// timers) does not wait for each in turn; <see cref="LoadInstanceAsync"/> then finds them. Missing ones are skipped.
    /// </summary>
    Task LoadInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken);

    InstanceState CreateInstance(InstanceRecord instance);

    /// <summary>A user task in any state (open, completed, cancelled).</summary>
    Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken);

    Task<TimerRecord?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken);

    Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken);

    Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionKind kind, string name, CancellationToken cancellationToken);

    Task<ProcessDefinitionRecord?> FindDefinitionAsync(Guid definitionId, CancellationToken cancellationToken);

    /// <summary>The highest version of a key, or the given version.</summary>
    Task<ProcessDefinitionRecord?> FindDefinitionAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>The id of the highest version of a key (or of the given version), without reading the model.</summary>
    Task<Guid?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken);

    Task<ProcessDefinitionRecord?> FindDefinitionByHashAsync(string key, string contentHash, CancellationToken cancellationToken);

    void AddDefinition(ProcessDefinitionRecord definition);

    /// <summary>The highest version of every key.</summary>
    Task<IReadOnlyList<ProcessDefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the highest version of every key, without reading the models.</summary>
    Task<IReadOnlyList<Guid>> ListLatestDefinitionIdsAsync(CancellationToken cancellationToken);

    /// <summary>Timers of timer start events of any version of <paramref name="key"/>.</summary>
    Task<IReadOnlyList<TimerRecord>> FindStartTimersAsync(string key, CancellationToken cancellationToken);

    void AddStartTimer(TimerRecord timer);

    void RemoveStartTimer(TimerRecord timer);

    void AddForm(FormDefinitionRecord form);

    /// <summary>The highest version of a form key, or the one deployed by <paramref name="deploymentId"/>.</summary>
    Task<FormDefinitionRecord?> FindFormAsync(string key, Guid? deploymentId, CancellationToken cancellationToken);

    void AddOutbox(OutboxRecord row);

    /// <summary>The committed history events of one type about one task (its <see cref="HistoryRecord.SubjectId"/>), oldest first.</summary>
    Task<IReadOnlyList<HistoryRecord>> FindTaskHistoryAsync(Guid instanceId, Guid taskId, HistoryEventType type, CancellationToken cancellationToken);

    /// <summary>True when an outbox row with the key exists (committed, or added in this session).</summary>
    Task<bool> HasOutboxKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>An outbox row, to be changed and committed by this session.</summary>
    Task<OutboxRecord?> FindOutboxAsync(Guid outboxId, CancellationToken cancellationToken);

    void AddTaskLink(TaskLinkRecord link);

    /// <summary>A task link by its token's hash, to be changed and committed by this session.</summary>
    Task<TaskLinkRecord?> FindTaskLinkAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Writes every change; throws <see cref="ConcurrencyConflictException"/> when another step got there first.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>Another step changed the same instance (or timer) since this one read it; retry on fresh state.</summary>
internal sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
