using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>Starts instances: by request, by a message, signal or timer start event, or from a call activity.</summary>
internal sealed class InstanceStarter(StepContext step)
{
    /// <param name="definition">The version to run.</param>
    /// <param name="start">The start event; null for the plain (none) start event.</param>
    /// <param name="businessKey">The business key, if any.</param>
    /// <param name="variables">The instance's first variables.</param>
    /// <param name="caller">The call activity's instance and token, for a called instance.</param>
    public InstanceState Start(ProcessDefinition definition, StartEvent? start, string? businessKey,
        IReadOnlyDictionary<string, VariableValue> variables, (InstanceState Instance, TokenRecord Token)? caller = null)
    {
        start ??= PlainStart(definition);
        var instance = step.Session.CreateInstance(new InstanceRecord
        {
            Id = step.NewId(),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Active,
            ParentInstanceId = caller?.Instance.Instance.Id,
            ParentTokenId = caller?.Token.Id,
            StartedAt = step.Now,
        });
        step.Instances.Add(instance);
        if (caller is { } c)
        {
            c.Token.CalledInstanceId = instance.Instance.Id;
        }

        var root = step.Scopes.Create(instance, null, ScopeKind.Process, definition.Key, ownerTokenId: null);
        step.History.Record(instance, HistoryEventType.InstanceStarted, start.Id);
        step.Variables.SetLocal(instance, root.Id, variables);
        var token = step.Flow.NewToken(instance, root.Id, start.Id);
        var execution = new Execution(step, instance, definition, token, start);
        step.Scopes.ListenForEventSubProcesses(execution, definition.Process, root);
        step.Flow.ScheduleEnter(execution);
        return instance;
    }

    // The plain start event; without one, the only start event there is, whatever its trigger (Camunda 7's "initial" start
    // event: a process that starts by a message can still be started by key).
    /// <summary>The start event a start by key uses.</summary>
    public static StartEvent PlainStart(ProcessDefinition definition) =>
        definition.Process.StartEvents.FirstOrDefault(s => s.Definition is null)
        ?? (definition.Process.StartEvents.Take(2).Count() == 1 ? definition.Process.StartEvents.First() : null)
        ?? throw new EngineException(EngineErrors.NoPlainStart,
            $"Process '{definition.Key}' has no plain start event and several others; it starts only by its {string.Join(", ", definition.Process.StartEvents.Select(s => Describe(s.Definition)))} start event.");

    private static string Describe(EventDefinition? definition) => definition switch
    {
        TimerEventDefinition => "timer",
        MessageEventDefinition => "message",
        SignalEventDefinition => "signal",
        _ => "other",
    };
}
