using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// One step: from a trigger to the next wait states, inside one store session. It runs the agenda until
/// nothing is left to do; failures the model explains become incidents on their token, and everything
/// else the step did commits with them.
/// </summary>
internal sealed class StepContext
{
    public StepContext(IStoreSession session, EngineServices services)
    {
        Session = session;
        Services = services;
        // Whole microseconds: what PostgreSQL keeps, so an instant read back equals the one written (a timer's due
        // time travels through a Hangfire job and is compared with the stored one).
        var now = services.Clock.GetUtcNow();
        Now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        History = new HistoryWriter(this);
        Variables = new VariableScopes(this);
        Waits = new WaitStates(this);
        Scopes = new ScopeLife(this);
        Flow = new TokenFlow(this);
        Cancellation = new Cancellation(this);
        Events = new EventDispatch(this);
        Throwing = new EventThrowing(this);
        Starter = new InstanceStarter(this);
    }

    public IStoreSession Session { get; }

    public EngineServices Services { get; }

    /// <summary>The step's time: one instant for everything it records.</summary>
    public DateTimeOffset Now { get; }

    public Agenda Agenda { get; } = new();

    public HistoryWriter History { get; }

    public VariableScopes Variables { get; }

    public WaitStates Waits { get; }

    public ScopeLife Scopes { get; }

    public TokenFlow Flow { get; }

    public Cancellation Cancellation { get; }

    public EventDispatch Events { get; }

    public EventThrowing Throwing { get; }

    public InstanceStarter Starter { get; }

    /// <summary>Timers and jobs created by the step, for the job driver to schedule once it has committed.</summary>
    public List<TimerRecord> NewTimers { get; } = [];

    public List<JobRecord> NewJobs { get; } = [];

    public List<OutboxRecord> NewOutbox { get; } = [];

    /// <summary>Tells the task listeners about a task event; what they write to the outbox commits with the step.</summary>
    public async ValueTask NotifyTaskAsync(InstanceState instance, UserTaskRecord task, Tasks.UserTaskEventKind kind, Tasks.TaskCommentEntry? comment = null)
    {
        if (Services.TaskListeners.Count == 0)
        {
            return;
        }

        var definition = await DefinitionOfAsync(instance);
        var element = definition.Node(task.ElementId);
        var token = instance.Token(task.TokenId);
        var variables = token is null ? Variables.Lookup(instance, instance.RootScope.Id) : Variables.Lookup(instance, token);
        string? Property(string name)
        {
            if (!element.Properties.TryGetValue(name, out var text) || !Expressions.Expression.TryParse(text, out var expression, out _))
            {
                return null;
            }

            try
            {
                return Services.Evaluator.Evaluate(expression, variables) is { Type: not VariableType.Null } value ? value.ToString() : null;
            }
            catch (Expressions.ExpressionException exception)
            {
                throw new ExecutionFailure(IncidentCodes.ExpressionFailed,
                    $"The property '{name}' of '{element.Id}' failed: {exception.Reason}. Expression: {text}", exception);
            }
        }
        var taskEvent = new Tasks.UserTaskEvent
        {
            Kind = kind,
            Task = task,
            Instance = instance.Instance,
            ProcessName = definition.Name ?? definition.Key,
            Element = element,
            Now = Now,
            Outbox = new StepOutbox(this),
            Property = Property,
            Comment = comment,
        };
        foreach (var listener in Services.TaskListeners)
        {
            listener.OnTaskEvent(taskEvent);
        }
    }

    /// <summary>Every instance the step has loaded or started, for events that reach beyond one instance.</summary>
    public HashSet<InstanceState> Instances { get; } = [];

    public async Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await Session.LoadInstanceAsync(instanceId, cancellationToken);
        if (instance is not null)
        {
            Instances.Add(instance);
        }

        return instance;
    }

    public Task<ProcessDefinition> DefinitionOfAsync(InstanceState instance, CancellationToken cancellationToken = default) =>
        DefinitionAsync(instance.Instance.DefinitionId, cancellationToken);

    /// <summary>A deployed version by id: parsed once per process, read from the store only the first time.</summary>
    public async Task<ProcessDefinition> DefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default)
    {
        if (Services.Definitions.TryGet(definitionId, out var cached))
        {
            return cached;
        }

        var record = await Session.FindDefinitionAsync(definitionId, cancellationToken)
            ?? throw new InvalidOperationException($"Definition {definitionId} is missing.");
        return Services.Definitions.Get(record);
    }

    public async Task<Execution> ExecutionAsync(InstanceState instance, TokenRecord token)
    {
        var definition = await DefinitionOfAsync(instance);
        return new Execution(this, instance, definition, token, definition.Node(token.ElementId));
    }

    /// <summary>Runs everything scheduled, then whatever became possible at inclusive joins, until nothing is left.</summary>
    public async Task RunAsync()
    {
        do
        {
            while (Agenda.TryTake(out var operation))
            {
                if (!operation.IsLive)
                {
                    continue;
                }

                try
                {
                    await operation.Run();
                }
                catch (ExecutionFailure failure) when (operation.IsLive)
                {
                    await Incidents.RaiseAsync(this, operation.Instance, operation.Token, operation.ElementId, operation.Phase, failure);
                }
            }

            await Flow.ReleaseInclusiveJoinsAsync();
        }
        while (!Agenda.IsEmpty);
    }

    public Guid NewId() => Guid.CreateVersion7(Now);
}

/// <summary>Outbox rows written by the step, committed with it.</summary>
internal sealed class StepOutbox(StepContext step) : Tasks.IOutbox
{
    public void AddWithTaskLink(string kind, string key, string payloadJson, Guid instanceId, Guid taskId, string person)
    {
        var row = Write(kind, key, payloadJson, instanceId, taskId);
        // The link is made here, once, with the task's step: a redelivered row carries the same token (decision 0024).
        step.Session.AddTaskLink(new TaskLinkRecord
        {
            TokenHash = Tasks.TaskLinkTokens.Hash(step.Services.LinkKey.TokenFor(row.Id)),
            TaskId = taskId,
            Person = person,
            CreatedAt = step.Now,
            ExpiresAt = step.Now + step.Services.Options.TaskLinkLifetime,
        });
    }

    public void Add(string kind, string key, string payloadJson, Guid? instanceId = null, Guid? taskId = null) =>
        Write(kind, key, payloadJson, instanceId, taskId);

    private OutboxRecord Write(string kind, string key, string payloadJson, Guid? instanceId, Guid? taskId)
    {
        var row = new OutboxRecord
        {
            Id = step.NewId(),
            Kind = kind,
            Key = key,
            Payload = payloadJson,
            Status = OutboxStatus.Pending,
            DueAt = step.Now,
            CreatedAt = step.Now,
            InstanceId = instanceId,
            TaskId = taskId,
        };
        step.Session.AddOutbox(row);
        step.NewOutbox.Add(row);
        return row;
    }
}
