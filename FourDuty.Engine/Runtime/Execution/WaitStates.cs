using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Time;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>Opens and withdraws what tokens and scopes wait for: timers, subscriptions, jobs and user tasks.</summary>
internal sealed class WaitStates(StepContext step)
{
    /// <summary>Sets a timer for a token (catch event, boundary, event-based gateway) or a scope (event subprocess start).</summary>
    public TimerRecord? AddTimer(Execution execution, TimerEventDefinition timer, string elementId, Guid? tokenId, Guid? scopeId)
    {
        var (schedule, text) = Evaluate(execution, timer, elementId);
        var due = schedule.FirstDue(step.Now, step.Services.Zone);
        if (due is null)
        {
            return null;
        }

        var record = new TimerRecord
        {
            Id = step.NewId(),
            InstanceId = execution.Instance.Instance.Id,
            TokenId = tokenId,
            ScopeId = scopeId,
            ElementId = elementId,
            DueAt = due.Value,
            // A cycle from an expression is kept as evaluated, so that each firing finds the next occurrence of the same
            // series (the model's text alone cannot be parsed without the variables it was evaluated with).
            Cycle = timer.Kind == TimerKind.Cycle ? text : null,
        };
        execution.Instance.Timers.Add(record);
        step.NewTimers.Add(record);
        return record;
    }

    /// <summary>The schedule of a timer: fixed in the model, or evaluated now from its expression.</summary>
    public TimerSchedule Schedule(Execution execution, TimerEventDefinition timer, string elementId) => Evaluate(execution, timer, elementId).Schedule;

    // The schedule, and the text an expression gave (null for a fixed one).
    private static (TimerSchedule Schedule, string? Text) Evaluate(Execution execution, TimerEventDefinition timer, string elementId)
    {
        if (timer.Schedule is { } fixedSchedule)
        {
            return (fixedSchedule, null);
        }

        var value = execution.Evaluate(timer.Value, "timer");
        if (value.Type == VariableType.Date)
        {
            var text = value.AsDate().ToString("O");
            return TimerSchedule.TryParse(TimerKind.Date, text, out var at, out _) ? (at!, text) : throw Invalid(value.ToString());
        }

        return TimerSchedule.TryParse(timer.Kind, value.ToString(), out var schedule, out var error)
            ? (schedule!, value.ToString())
            : throw new ExecutionFailure(IncidentCodes.InvalidValue,
                $"The timer of '{elementId}' evaluated to '{value}', which is not a valid {timer.Kind.ToString().ToLowerInvariant()}: {error}.");

        ExecutionFailure Invalid(string text) => new(IncidentCodes.InvalidValue, $"The timer of '{elementId}' evaluated to '{text}'.");
    }

    public SubscriptionRecord AddSubscription(Execution execution, SubscriptionKind kind, string name, string elementId,
        FlowNode catcher, Guid? tokenId, Guid? scopeId)
    {
        var key = catcher.Properties.TryGetValue("correlationKey", out var keyText)
            ? execution.Text(Expressions.Expression.Parse(keyText), "correlationKey")
            : null;
        var record = new SubscriptionRecord
        {
            Id = step.NewId(),
            InstanceId = execution.Instance.Instance.Id,
            Kind = kind,
            Name = name,
            CorrelationKey = key,
            TokenId = tokenId,
            ScopeId = scopeId,
            ElementId = elementId,
            CreatedAt = step.Now,
        };
        execution.Instance.Subscriptions.Add(record);
        return record;
    }

    public JobRecord AddJob(InstanceState instance, TokenRecord token, string elementId, JobKind kind, string? handlerType)
    {
        var job = new JobRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            TokenId = token.Id,
            ElementId = elementId,
            Kind = kind,
            HandlerType = handlerType,
            DueAt = step.Now,
            RetriesLeft = step.Services.Options.JobRetries,
        };
        instance.Jobs.Add(job);
        step.NewJobs.Add(job);
        return job;
    }

    /// <summary>Withdraws everything the token waits for; its open user tasks are cancelled.</summary>
    public async ValueTask RemoveTokenWaitsAsync(InstanceState instance, TokenRecord token)
    {
        foreach (var timer in instance.Timers.Where(t => t.TokenId == token.Id).ToList())
        {
            instance.Timers.Remove(timer);
        }

        foreach (var subscription in instance.Subscriptions.Where(s => s.TokenId == token.Id).ToList())
        {
            instance.Subscriptions.Remove(subscription);
        }

        foreach (var job in instance.Jobs.Where(j => j.TokenId == token.Id).ToList())
        {
            instance.Jobs.Remove(job);
        }

        foreach (var task in instance.Tasks.Where(t => t.TokenId == token.Id).ToList())
        {
            await CloseTaskAsync(instance, task, UserTaskStatus.Cancelled, null);
        }

        foreach (var incident in instance.Incidents.Where(i => i.TokenId == token.Id).ToList())
        {
            ResolveIncident(instance, incident);
        }
    }

    /// <summary>Withdraws the waits of a scope's event subprocesses.</summary>
    public void RemoveScopeWaits(InstanceState instance, Guid scopeId)
    {
        foreach (var timer in instance.Timers.Where(t => t.ScopeId == scopeId).ToList())
        {
            instance.Timers.Remove(timer);
        }

        foreach (var subscription in instance.Subscriptions.Where(s => s.ScopeId == scopeId).ToList())
        {
            instance.Subscriptions.Remove(subscription);
        }
    }

    public async ValueTask CloseTaskAsync(InstanceState instance, UserTaskRecord task, UserTaskStatus status, string? userId)
    {
        task.Status = status;
        task.EndedAt = step.Now;
        task.CompletedBy = status == UserTaskStatus.Completed ? userId : null;
        task.Revision++;
        instance.Tasks.Close(task);
        step.History.Record(instance, status == UserTaskStatus.Completed ? HistoryEventType.TaskCompleted : HistoryEventType.TaskCancelled,
            task.ElementId, task.TokenId, task.Id, userId is null ? null : System.Text.Json.JsonSerializer.Serialize(new { by = userId }));
        await step.NotifyTaskAsync(instance, task, status == UserTaskStatus.Completed ? Tasks.UserTaskEventKind.Completed : Tasks.UserTaskEventKind.Cancelled);
    }

    public void ResolveIncident(InstanceState instance, IncidentRecord incident)
    {
        instance.Incidents.Remove(incident);
        step.History.Record(instance, HistoryEventType.IncidentResolved, incident.ElementId, incident.TokenId, incident.Id);
    }
}
