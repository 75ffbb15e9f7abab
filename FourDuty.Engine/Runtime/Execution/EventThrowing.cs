using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Errors and escalations travel outwards from where they are thrown — the thrower's own activity, then each
/// enclosing scope (its event subprocesses, then the boundary events of the activity that owns it), then on
/// to the caller's call activity — until something catches them.
/// </summary>
internal sealed class EventThrowing(StepContext step)
{
    /// <summary>Throws a BPMN error from a token; an error nobody catches stops the token with an incident.</summary>
    public async ValueTask ThrowErrorAsync(Execution thrower, string code, string? message)
    {
        var caught = await PropagateAsync(thrower, code, message, escalation: false);
        if (!caught)
        {
            throw new ExecutionFailure(IncidentCodes.UncaughtError,
                $"'{thrower.Node.Id}' threw the error '{code}'{(message is null ? "" : $" ({message})")}, and no error boundary event or error event subprocess catches it. Add one, or retry once the cause is fixed.");
        }
    }

    /// <summary>Throws an escalation; one nobody catches is recorded and the process simply goes on.</summary>
    public async ValueTask ThrowEscalationAsync(Execution thrower, string code) =>
        await PropagateAsync(thrower, code, null, escalation: true);

    private async ValueTask<bool> PropagateAsync(Execution thrower, string code, string? message, bool escalation)
    {
        var instance = thrower.Instance;
        var definition = thrower.Definition;
        var variables = new Dictionary<string, VariableValue>();

        // The thrower's own activity first: a service task whose handler raised a BPMN error.
        if (thrower.Node is Activity own && Match(own, code, escalation) is { } ownBoundary)
        {
            AddCodeVariables(ownBoundary, code, message, variables);
            await step.Events.CatchAtBoundaryAsync(thrower, ownBoundary, variables);
            return true;
        }

        var scope = instance.Scope(thrower.Token.ScopeId);
        while (scope is not null)
        {
            if (scope.Kind is ScopeKind.Process or ScopeKind.SubProcess or ScopeKind.EventSubProcess
                && MatchEventSubProcess(ScopeLife.Element(definition, scope), code, escalation) is { } start)
            {
                AddCodeVariables(start, code, message, variables);
                step.History.Record(instance, escalation ? HistoryEventType.EscalationCaught : HistoryEventType.ErrorCaught, start.Id);
                await step.Events.StartEventSubProcessAsync(instance, definition, scope, start, variables);
                return true;
            }

            if (scope.OwnerTokenId is { } ownerId && instance.Token(ownerId) is { } owner)
            {
                var activity = (Activity)definition.Node(owner.ElementId);
                if (Match(activity, code, escalation) is { } boundary)
                {
                    AddCodeVariables(boundary, code, message, variables);
                    step.History.Record(instance, escalation ? HistoryEventType.EscalationCaught : HistoryEventType.ErrorCaught, boundary.Id);
                    await step.Events.CatchAtBoundaryAsync(new Execution(step, instance, definition, owner, activity), boundary, variables);
                    return true;
                }

                scope = instance.Scope(owner.ScopeId);
            }
            else if (scope.ParentScopeId is { } parentId)
            {
                scope = instance.Scope(parentId);
            }
            else
            {
                return await PropagateToCallerAsync(instance, code, message, escalation);
            }
        }

        return false;
    }

    private async ValueTask<bool> PropagateToCallerAsync(InstanceState called, string code, string? message, bool escalation)
    {
        if (called.Instance.ParentInstanceId is not { } parentId || await step.LoadAsync(parentId) is not { } parent
            || parent.Token(called.Instance.ParentTokenId!.Value) is not { } token)
        {
            return false;
        }

        var execution = await step.ExecutionAsync(parent, token);
        return await PropagateAsync(execution, code, message, escalation);
    }

    private static BoundaryEvent? Match(Activity activity, string code, bool escalation) =>
        activity.BoundaryEvents.FirstOrDefault(b => Matches(b.Definition, code, escalation));

    private static StartEvent? MatchEventSubProcess(IFlowScope scope, string code, bool escalation) =>
        scope.EventSubProcesses.SelectMany(e => e.StartEvents).FirstOrDefault(s => Matches(s.Definition, code, escalation));

    // A catch without a named error or escalation catches every one (Camunda's catch-all).
    private static bool Matches(EventDefinition? definition, string code, bool escalation) => definition switch
    {
        ErrorEventDefinition error when !escalation => error.Error is null || CodeOf(error.Error) == code,
        EscalationEventDefinition catcher when escalation => catcher.Escalation is null || CodeOf(catcher.Escalation) == code,
        _ => false,
    };

    public static string CodeOf(BpmnError error) => error.ErrorCode ?? error.Id;

    public static string CodeOf(BpmnEscalation escalation) => escalation.EscalationCode ?? escalation.Id;

    private static void AddCodeVariables(Event catcher, string code, string? message, Dictionary<string, VariableValue> variables)
    {
        switch (catcher.Definition)
        {
            case ErrorEventDefinition error:
                if (error.ErrorCodeVariable is { } codeVariable)
                {
                    variables[codeVariable] = VariableValue.From(code);
                }

                if (error.ErrorMessageVariable is { } messageVariable)
                {
                    variables[messageVariable] = message is null ? VariableValue.Null : VariableValue.From(message);
                }

                break;
            case EscalationEventDefinition { EscalationCodeVariable: { } escalationVariable }:
                variables[escalationVariable] = VariableValue.From(code);
                break;
        }
    }

    /// <summary>Delivers a signal to every subscription and signal start event of its name.</summary>
    public async ValueTask BroadcastSignalAsync(string name, IReadOnlyDictionary<string, VariableValue> variables)
    {
        foreach (var (instance, subscription) in await LiveSubscriptionsAsync(SubscriptionKind.Signal, name))
        {
            await step.Events.ReceiveAsync(instance, subscription, variables);
        }

        foreach (var (definition, start) in await StartEventsAsync<SignalEventDefinition>(s => s.Signal.Name == name))
        {
            step.Starter.Start(definition, start, null, variables);
        }
    }

    /// <summary>
    /// Delivers a message to the one subscription or message start event it matches: by name, and by
    /// correlation key when one is given. None is 404, several are 409; the message names the candidates.
    /// </summary>
    public async ValueTask<MessageDelivery> CorrelateMessageAsync(string name, string? correlationKey, IReadOnlyDictionary<string, VariableValue> variables) =>
        await CorrelateMessageAsync(new MessageCorrelation(name, correlationKey, null, null), variables);

    /// <summary>
    /// Delivers a message to the one receiver it matches, as Camunda 7 correlates: a waiting element that names a correlation
    /// key takes the message only with that key; the business key, when given, picks the instance (the natural correlation
    /// when the element names no key); process variables given as correlation keys must all equal the instance's.
    /// </summary>
    public async ValueTask<MessageDelivery> CorrelateMessageAsync(MessageCorrelation message, IReadOnlyDictionary<string, VariableValue> variables)
    {
        var name = message.Name;
        var waiting = (await LiveSubscriptionsAsync(SubscriptionKind.Message, name)).Where(w => message.Matches(w.Instance, w.Subscription)).ToList();
        var starts = await StartEventsAsync<MessageEventDefinition>(m => m.Message?.Name == name);
        var candidates = waiting.Count + starts.Count;
        if (candidates == 0)
        {
            throw new EngineException(EngineErrors.MessageNotCorrelated,
                $"No instance waits for the message '{name}'{message.Describe()}, and no deployed process starts with it; nothing was changed.");
        }

        if (candidates > 1)
        {
            var names = waiting.Select(w => $"instance {w.Instance.Instance.Id} at '{w.Subscription.ElementId}'")
                .Concat(starts.Select(s => $"start event '{s.Start.Id}' of '{s.Definition.Key}'"));
            throw new EngineException(EngineErrors.MessageAmbiguous,
                $"The message '{name}'{message.Describe()} matches {candidates} receivers ({string.Join("; ", names.Take(10))}). Give a business key or a correlation key to pick one.");
        }

        if (waiting.Count == 1)
        {
            var (instance, subscription) = waiting[0];
            await step.Events.ReceiveAsync(instance, subscription, variables);
            return new MessageDelivery(instance.Instance.Id, Started: false);
        }

        var started = step.Starter.Start(starts[0].Definition, starts[0].Start, message.BusinessKey ?? message.CorrelationKey, variables);
        return new MessageDelivery(started.Instance.Id, Started: true);
    }

    /// <summary>Subscriptions of a name as they are now in this step: committed ones and those the step just opened.</summary>
    private async Task<List<(InstanceState Instance, SubscriptionRecord Subscription)>> LiveSubscriptionsAsync(SubscriptionKind kind, string name)
    {
        foreach (var stored in await step.Session.FindSubscriptionsAsync(kind, name, default))
        {
            await step.LoadAsync(stored.InstanceId);
        }

        return step.Instances.Where(i => i.IsActive)
            .SelectMany(i => i.Subscriptions.Where(s => s.Kind == kind && s.Name == name).Select(s => (i, s)))
            .OrderBy(x => x.s.CreatedAt)
            .ToList();
    }

    private async Task<List<(ProcessDefinition Definition, StartEvent Start)>> StartEventsAsync<T>(Func<T, bool> matches)
        where T : EventDefinition
    {
        var result = new List<(ProcessDefinition, StartEvent)>();
        foreach (var record in await step.Session.ListLatestDefinitionsAsync(default))
        {
            var definition = step.Services.Definitions.Get(record);
            result.AddRange(definition.Process.StartEvents.Where(s => s.Definition is T d && matches(d)).Select(s => (definition, s)));
        }

        return result;
    }
}

/// <summary>What picks the receiver of a message besides its name.</summary>
/// <param name="Name">The message's name.</param>
/// <param name="CorrelationKey">Matches an element that names a correlation key; an element that names none never takes a message that gives one.</param>
/// <param name="BusinessKey">Only an instance with this business key; the business key of an instance the message starts.</param>
/// <param name="ProcessVariables">Only an instance whose process-level variables have these values (Camunda's <c>correlationKeys</c>).</param>
internal sealed record MessageCorrelation(string Name, string? CorrelationKey, string? BusinessKey, IReadOnlyDictionary<string, VariableValue>? ProcessVariables)
{
    public bool Matches(InstanceState instance, SubscriptionRecord subscription) =>
        (CorrelationKey is null || subscription.CorrelationKey == CorrelationKey)
        && (BusinessKey is null || instance.Instance.BusinessKey == BusinessKey)
        && (ProcessVariables is null || ProcessVariables.All(v => HasValue(instance, v.Key, v.Value)));

    public string Describe()
    {
        var parts = new List<string>();
        if (CorrelationKey is not null)
        {
            parts.Add($"correlation key '{CorrelationKey}'");
        }

        if (BusinessKey is not null)
        {
            parts.Add($"business key '{BusinessKey}'");
        }

        if (ProcessVariables is { Count: > 0 })
        {
            parts.Add("process variables " + string.Join(", ", ProcessVariables.Select(v => $"{v.Key}={v.Value.ToJsonText()}")));
        }

        return parts.Count == 0 ? "" : " with " + string.Join(" and ", parts);
    }

    private static bool HasValue(InstanceState instance, string name, VariableValue expected)
    {
        var root = instance.RootScope.Id;
        return instance.Variables.FirstOrDefault(v => v.ScopeId == root && v.Name == name) is { } stored
            && System.Text.Json.Nodes.JsonNode.DeepEquals(VariableValue.FromStored(stored.Type, stored.Json).Json, expected.Json);
    }
}

/// <summary>Where a message went: to a waiting instance, or into a new one.</summary>
public sealed record MessageDelivery(Guid InstanceId, bool Started);
