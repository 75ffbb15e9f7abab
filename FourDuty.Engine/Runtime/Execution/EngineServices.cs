using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Behaviours;
using FourDuty.Engine.Runtime.Handlers;
using NodaTime;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>What every step shares: built once at start.</summary>
internal sealed class EngineServices(
    TimeProvider clock,
    EngineOptions options,
    ExpressionEvaluator evaluator,
    DefinitionCache definitions,
    ServiceTaskHandlers handlers,
    Tasks.TaskLinkKey linkKey,
    IEnumerable<Tasks.IUserTaskListener> taskListeners,
    Tasks.ITaskAssignmentResolver? assignmentResolver = null,
    IEnumerable<Tasks.ITaskCompletionCheck>? completionChecks = null,
    IEnumerable<IDeploymentRule>? deploymentRules = null)
{
    public TimeProvider Clock { get; } = clock;

    public EngineOptions Options { get; } = options;

    public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[options.TimeZone];

    public ExpressionEvaluator Evaluator { get; } = evaluator;

    public DefinitionCache Definitions { get; } = definitions;

    public ServiceTaskHandlers Handlers { get; } = handlers;

    /// <summary>What the tokens of the task links that outbox rows carry are derived from.</summary>
    public Tasks.TaskLinkKey LinkKey { get; } = linkKey;

    public BehaviourRegistry Behaviours { get; } = new();

    public LatestVersions LatestVersions { get; } = new();

    public FormSchemaCache Forms { get; } = new();

    public IReadOnlyList<Tasks.IUserTaskListener> TaskListeners { get; } = taskListeners.ToList();

    public Tasks.ITaskAssignmentResolver? AssignmentResolver { get; } = assignmentResolver;

    /// <summary>The layers' rules for task completions, run after the form's check.</summary>
    public IReadOnlyList<Tasks.ITaskCompletionCheck> CompletionChecks { get; } = (completionChecks ?? []).ToList();

    /// <summary>The layers' rules for models, run at deployment after the engine's own.</summary>
    public IReadOnlyList<IDeploymentRule> DeploymentRules { get; } = (deploymentRules ?? []).ToList();
}
