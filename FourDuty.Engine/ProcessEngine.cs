using System.Text.Json.Nodes;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Time;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine;

/// <summary>
/// The engine's front: deploy models, start instances, complete tasks, deliver messages and signals, fire
/// timers, run jobs, retry incidents, and read what runs. Every operation is one atomic step.
/// </summary>
/// <remarks>
/// Requests the engine refuses throw <see cref="EngineException"/> with a stable code and a kind (not found,
/// conflict, invalid) that the HTTP API maps to 404, 409 and 422. Thread-safe.
/// </remarks>
public sealed class ProcessEngine
{
    private readonly CommandExecutor _executor;
    private readonly IEngineStore _store;
    private readonly EngineServices _services;
    private readonly BpmnParser _parser;
    private readonly JobRunner _jobs;
    private readonly Outbox.OutboxDelivery _outbox;

    internal ProcessEngine(CommandExecutor executor, IEngineStore store, EngineServices services, BpmnParser parser, JobRunner jobs,
        Outbox.OutboxDelivery outbox)
    {
        _outbox = outbox;
        _executor = executor;
        _store = store;
        _services = services;
        _parser = parser;
        _jobs = jobs;
    }

    /// <summary>What runs, and what ran.</summary>
    public IEngineQueries Queries => _store.Queries;

    /// <summary>The engine's clock.</summary>
    public TimeProvider Clock => _services.Clock;

    /// <summary>Validates and deploys BPMN files; see <see cref="DeploymentResult"/>.</summary>
    public Task<DeploymentResult> DeployAsync(IReadOnlyList<DeploymentResource> resources, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new DeployCommand(resources, _parser), cancellationToken);

    /// <summary>Checks files exactly as <see cref="DeployAsync"/> would, and stores nothing: the problems, or none.</summary>
    public Task<DeploymentResult> ValidateAsync(IReadOnlyList<DeploymentResource> resources, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ValidateDeploymentCommand(resources, _parser), cancellationToken);

    /// <summary>The forms the user tasks of a deployed version open (the latest version when <paramref name="version"/> is null).</summary>
    /// <exception cref="EngineException">No such process or version is deployed.</exception>
    public Task<IReadOnlyList<FormDefinitionRecordInfo>> GetDefinitionFormsAsync(string key, int? version, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ReadDefinitionFormsCommand(key, version), cancellationToken);

    /// <summary>The latest version of <paramref name="key"/> (or <paramref name="version"/>) with its parsed model, e.g. to read its candidate starters.</summary>
    /// <exception cref="EngineException">No such process or version is deployed.</exception>
    public Task<ProcessDefinition> GetDefinitionAsync(string key, int? version = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ReadDefinitionCommand(key, version), cancellationToken);

    /// <summary>The latest version of every deployed process with its parsed model; a version parsed before is not read again.</summary>
    public Task<IReadOnlyList<ProcessDefinition>> GetLatestDefinitionsAsync(CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ReadLatestDefinitionsCommand(), cancellationToken);

    /// <summary>The start form of a deployed version (its plain start event's <c>camunda:formKey</c>); null when it names none.</summary>
    /// <exception cref="EngineException">No such process or version is deployed, or it cannot be started by key.</exception>
    public Task<FormDefinitionRecordInfo?> GetStartFormAsync(string key, int? version = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ReadStartFormCommand(key, version), cancellationToken);

    /// <summary>
    /// Starts the latest version of <paramref name="key"/> (or <paramref name="version"/>) at its plain start event, or, as
    /// Camunda 7 does, at its only start event when it has no plain one (a process that starts by a message, say).
    /// </summary>
    /// <exception cref="EngineException">
    /// The process is not deployed, or has several start events and none of them plain; the business key or a variable
    /// breaks an input rule or limit.
    /// </exception>
    public Task<Guid> StartAsync(string key, string? businessKey = null, IReadOnlyDictionary<string, JsonNode?>? variables = null,
        int? version = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new StartInstanceCommand(key, version, Checked(businessKey), Convert(variables)), cancellationToken);

    /// <summary>Completes an open user task; <paramref name="expectedRevision"/> guards against acting on a stale view.</summary>
    /// <exception cref="EngineException">The task does not exist, is no longer open, or changed since it was read.</exception>
    public Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, JsonNode?>? variables = null, string? userId = null,
        int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new CompleteTaskCommand(taskId, userId, Convert(variables), expectedRevision), cancellationToken);

    /// <summary>The form a task asks to be filled in (its <c>camunda:formKey</c>), or null when it names none that is deployed.</summary>
    /// <exception cref="EngineException">There is no such task.</exception>
    /// <remarks>A read: it goes through <see cref="IEngineQueries.GetTaskViewAsync"/> and writes nothing.</remarks>
    public async Task<Runtime.Tasks.TaskForm?> GetTaskFormAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        FormOf(await Queries.GetTaskViewAsync(taskId, cancellationToken)
            ?? throw new EngineException(EngineErrors.TaskNotFound, $"There is no task {taskId}."));

    /// <summary>The form of a task read with <see cref="IEngineQueries.GetTaskViewAsync"/>, parsed (once per deployed form version).</summary>
    public Runtime.Tasks.TaskForm? FormOf(TaskView view) =>
        view.FormRecord is { } form
            ? new Runtime.Tasks.TaskForm(new FormDefinitionRecordInfo(form.Id, form.Key, form.Version, form.Json), _services.Forms.Get(form))
            : null;

    /// <summary>
    /// The token of the task link that the outbox row <paramref name="outboxId"/> carries (written by
    /// <see cref="Runtime.Tasks.IOutbox.AddWithTaskLink"/>): the same for every delivery of the row, on every node. Never log it.
    /// </summary>
    public async ValueTask<string> TaskLinkTokenOfAsync(Guid outboxId, CancellationToken cancellationToken = default)
    {
        await _services.LinkKey.EnsureAsync(cancellationToken);
        return _services.LinkKey.TokenFor(outboxId);
    }

    /// <summary>
    /// Stores a task link (only the token's hash) for a person outside any mail, as an administrator's tool or a test's;
    /// idempotent. Task mails do not use it: their link is made in the step that writes the mail.
    /// </summary>
    public Task RegisterTaskLinkAsync(string tokenHash, Guid taskId, string person, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new RegisterTaskLinkCommand(tokenHash, taskId, person, expiresAt), cancellationToken);

    /// <summary>
    /// What a task link leads to, with the view of its task (<see cref="Runtime.Tasks.TaskLinkState.View"/>) for the page that
    /// shows it; one read through the queries, it writes nothing (mail scanners open every link).
    /// </summary>
    public async Task<Runtime.Tasks.TaskLinkState> ReadTaskLinkAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var found = await Queries.FindTaskLinkViewAsync(tokenHash, cancellationToken);
        return Runtime.Tasks.TaskLinkState.Of(found?.Link, found?.View?.Task, Clock.GetUtcNow()) with { View = found?.View };
    }

    /// <summary>
    /// Completes the task a link leads to, as the link's person, if the link is still open; otherwise returns why
    /// not (used, expired, reassigned, completed by someone, unknown). Never throws for a bad link.
    /// </summary>
    public Task<Runtime.Tasks.TaskLinkState> CompleteTaskByLinkAsync(string tokenHash, IReadOnlyDictionary<string, JsonNode?>? variables = null,
        CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new CompleteTaskByLinkCommand(tokenHash, Convert(variables)), cancellationToken);

    /// <summary>Claims, unclaims, delegates or assigns an open user task.</summary>
    /// <exception cref="EngineException">The task does not exist, is not open, changed, or is claimed by someone else.</exception>
    public Task ChangeAssigneeAsync(Guid taskId, AssigneeChange change, string? userId, int? expectedRevision = null,
        CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new ChangeAssigneeCommand(taskId, change, userId, expectedRevision), cancellationToken);

    /// <summary>
    /// Comments on an open user task (<see cref="Runtime.Tasks.TaskComment"/>): kept in the instance's history and told to the
    /// task listeners in one step. With <paramref name="notWithin"/>, a comment of the same type made on the task less than that
    /// long ago refuses this one: the result then holds no recorded comment and says when the next is taken.
    /// </summary>
    /// <exception cref="EngineException">The task does not exist (not found) or is no longer open (conflict).</exception>
    public Task<Runtime.Tasks.TaskCommentResult> CommentOnTaskAsync(Guid taskId, Runtime.Tasks.TaskComment comment, TimeSpan? notWithin = null,
        CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new CommentOnTaskCommand(taskId, comment, notWithin), cancellationToken);

    /// <summary>Delivers a message to the one instance waiting for it, or starts the one process that starts with it.</summary>
    /// <param name="name">The message's name.</param>
    /// <param name="correlationKey">Matches a waiting element that names a correlation key (and only such an element).</param>
    /// <param name="variables">Variables the receiver gets.</param>
    /// <param name="businessKey">Picks the instance with this business key, as in Camunda 7 (where the element names no correlation key, the
    /// business key is the correlation); a process the message starts gets it as its business key.</param>
    /// <param name="processVariables">Picks the instance whose process variables have these values (Camunda's <c>correlationKeys</c>).</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <exception cref="EngineException">Nobody waits for it (not found; nothing changed), or several do (conflict).</exception>
    public Task<MessageDelivery> CorrelateMessageAsync(string name, string? correlationKey = null,
        IReadOnlyDictionary<string, JsonNode?>? variables = null, string? businessKey = null,
        IReadOnlyDictionary<string, JsonNode?>? processVariables = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new CorrelateMessageCommand(
            new MessageCorrelation(name, correlationKey, businessKey, processVariables is null ? null : Convert(processVariables)), Convert(variables)),
            cancellationToken);

    /// <summary>Broadcasts a signal to every instance waiting for it and every process that starts with it.</summary>
    public Task BroadcastSignalAsync(string name, IReadOnlyDictionary<string, JsonNode?>? variables = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new BroadcastSignalCommand(name, Convert(variables)), cancellationToken);

    /// <summary>Cancels a running instance, its timers, tasks and subscriptions, and the instances it called.</summary>
    /// <exception cref="EngineException">The instance does not exist or has already ended.</exception>
    public Task CancelInstanceAsync(Guid instanceId, string reason, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new CancelInstanceCommand(instanceId, reason), cancellationToken);

    /// <summary>Sets process-level variables of a running instance.</summary>
    /// <exception cref="EngineException">The instance does not exist or has ended.</exception>
    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, JsonNode?> variables, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new SetVariablesCommand(instanceId, Convert(variables)), cancellationToken);

    /// <summary>Retries the step an incident stopped.</summary>
    /// <exception cref="EngineException">The incident does not exist or was resolved.</exception>
    public Task RetryIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new RetryIncidentCommand(incidentId), cancellationToken);

    /// <summary>Fires a timer if it is due (and, if given, still due at <paramref name="expectedDueAt"/>); false otherwise.</summary>
    public Task<bool> FireTimerAsync(Guid timerId, DateTimeOffset? expectedDueAt = null, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new FireTimerCommand(timerId, expectedDueAt), cancellationToken);

    /// <summary>Runs a due job (a service task's handler, an asynchronous continuation); false when there is nothing to do.</summary>
    public Task<bool> RunJobAsync(Guid jobId, CancellationToken cancellationToken = default) => _jobs.RunAsync(jobId, cancellationToken);

    /// <summary>Adds outbox rows (skipping keys that exist) in a unit of work of their own; returns how many were added.</summary>
    public Task<int> EnqueueOutboxAsync(IReadOnlyList<Outbox.OutboxEntry> entries, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(new Outbox.EnqueueOutboxCommand(entries), cancellationToken);

    /// <summary>Delivers a due outbox row with its handler; false when it is not pending, not due, or not delivered this time.</summary>
    public Task<bool> DeliverOutboxAsync(Guid outboxId, CancellationToken cancellationToken = default) => _outbox.DeliverAsync(outboxId, cancellationToken);

    /// <summary>
    /// Fires every due timer and runs every due job, earliest first, until nothing is due; returns how many ran. Due outbox rows are
    /// delivered too, unless an outbox process runs on this node (a Hangfire server), which sends them in the background.
    /// </summary>
    public async Task<int> RunDueWorkAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        while (await RunDueRoundAsync(100, cancellationToken) is { Found: > 0 } round)
        {
            count += round.Ran;
        }

        return count;
    }

    /// <summary>
    /// One round of due work read (not claimed) from the store: up to <paramref name="limit"/> each of due outbox rows, jobs
    /// and timers, handled one by one. The one path for <see cref="RunDueWorkAsync"/> and the minute sweep of an engine
    /// without due-work processes. Found is 0 when nothing was due.
    /// </summary>
    internal async Task<(int Found, int Ran)> RunDueRoundAsync(int limit, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var timers = await Queries.FindDueTimersAsync(now, limit, cancellationToken);
        var jobs = await DueJobsAsync(now, limit, cancellationToken);
        var outbox = await DueOutboxAsync(now, limit, cancellationToken);
        var ran = 0;
        foreach (var row in outbox)
        {
            await DeliverOutboxAsync(row.Id, cancellationToken);
            ran++;
        }

        foreach (var job in jobs)
        {
            ran += await RunJobAsync(job.Id, cancellationToken) ? 1 : 0;
        }

        foreach (var timer in timers)
        {
            ran += await FireTimerAsync(timer.Id, timer.DueAt, cancellationToken) ? 1 : 0;
        }

        return (timers.Count + jobs.Count + outbox.Count, ran);
    }

    /// <summary>
    /// Moves a <see cref="SimulatedClock"/> forward by <paramref name="duration"/>, stopping at each due timer and job in
    /// order so that whatever it starts sees the right time; returns how many timers and jobs ran.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine does not run on a simulated clock.</exception>
    public async Task<int> AdvanceClockAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var clock = Clock as SimulatedClock
            ?? throw new InvalidOperationException("The clock can only be moved when the engine runs on a simulated clock (Clock:Mode=Simulated).");
        var target = clock.GetUtcNow() + duration;
        var count = await RunDueWorkAsync(cancellationToken);
        while (true)
        {
            var timer = await Queries.FindDueTimersAsync(target, 1, cancellationToken);
            var job = await DueJobsAsync(target, 100, cancellationToken);
            var outbox = await DueOutboxAsync(target, 100, cancellationToken);
            var next = timer.Select(t => t.DueAt).Concat(job.Select(j => j.DueAt)).Concat(outbox.Select(o => o.DueAt))
                .DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (next > target)
            {
                break;
            }

            clock.MoveTo(next);
            count += await RunDueWorkAsync(cancellationToken);
        }

        clock.MoveTo(target);
        return count + await RunDueWorkAsync(cancellationToken);
    }

    // Jobs this node is running and rows it is sending are not due again for it, or moving a simulated clock past
    // their claims' leases would run or send them twice.
    private async Task<List<Runtime.State.JobRecord>> DueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        (await Queries.FindDueJobsAsync(now, limit, cancellationToken)).Where(job => !_jobs.IsRunning(job.Id)).ToList();

    // While the node's outbox process runs (decision 0020), the rounds here leave the mail to it: a slow or stopped mail
    // server then holds up no step, no timer and no move of the simulated clock (decision 0030).
    private async Task<List<Runtime.State.OutboxRecord>> DueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _outbox.InBackground ? [] : (await Queries.FindDueOutboxAsync(now, limit, cancellationToken)).Where(row => !_outbox.IsSending(row.Id)).ToList();

    private Dictionary<string, VariableValue> Convert(IReadOnlyDictionary<string, JsonNode?>? variables) =>
        Runtime.Execution.VariableLimits.FromRequest(variables, _services.Options);

    private static string? Checked(string? businessKey) =>
        // A business key is the office's own reference ("示范学院/巡察-3"): a '/' is part of it, never a path.
        businessKey is not null && InputRules.Problem(businessKey, "business key", allowSeparators: true) is { } problem
            ? throw new EngineException(EngineErrors.InvalidName, problem)
            : businessKey;
}
