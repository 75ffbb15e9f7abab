using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Variables;
using FourDuty.Engine.Time;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Opens a task for people and waits until one of them completes it.</summary>
internal sealed class UserTaskBehaviour : IWaitBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        var node = (UserTask)execution.Node;
        var step = execution.Step;
        var task = new UserTaskRecord
        {
            Id = step.NewId(),
            InstanceId = execution.Instance.Instance.Id,
            TokenId = execution.Token.Id,
            ElementId = node.Id,
            Name = NameOf(execution),
            Description = node.Documentation,
            Assignee = execution.Text(node.Assignee, "camunda:assignee"),
            CandidateUsers = List(execution, node.CandidateUsers, "camunda:candidateUsers"),
            CandidateGroups = List(execution, node.CandidateGroups, "camunda:candidateGroups"),
            DueAt = Instant(execution, node.DueDate, "camunda:dueDate"),
            FollowUpAt = Instant(execution, node.FollowUpDate, "camunda:followUpDate"),
            FormKey = node.FormKey,
            Priority = node.Priority is { } priority && int.TryParse(execution.Text(priority, "camunda:priority"), out var p) ? p : 50,
            CreatedAt = step.Now,
            Status = UserTaskStatus.Open,
        };
        execution.Instance.Tasks.Add(task);
        step.History.Record(execution.Instance, HistoryEventType.TaskCreated, node.Id, execution.Token.Id, task.Id,
            System.Text.Json.JsonSerializer.Serialize(new { task.Name, task.Assignee, task.CandidateGroups, task.DueAt }));
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        var completed = (TaskCompleted)trigger;
        execution.Step.Waits.CloseTask(execution.Instance, completed.Task, UserTaskStatus.Completed, completed.UserId);
        execution.Step.Variables.Set(execution.Instance, execution.Token, trigger.Variables);
        execution.Leave();
        return ValueTask.CompletedTask;
    }

    /// <summary>A task name may be a template, such as "Review ${loopCounter}".</summary>
    private static string? NameOf(Execution.Execution execution)
    {
        var name = execution.Node.Name;
        return name is not null && name.Contains("${", StringComparison.Ordinal) && Expression.TryParse(name, out var template, out _)
            ? execution.Text(template, "name")
            : name;
    }

    private static string? List(Execution.Execution execution, Expression? expression, string field)
    {
        if (expression is null)
        {
            return null;
        }

        var value = execution.Evaluate(expression, field);
        return value is { Type: VariableType.List, Json: System.Text.Json.Nodes.JsonArray items }
            ? string.Join(",", items.Select(i => i?.ToString()))
            : value.Type == VariableType.Null ? null : value.ToString();
    }

    /// <summary>A due or follow-up date: a date, an ISO 8601 date-time, or an ISO 8601 duration from now.</summary>
    private static DateTimeOffset? Instant(Execution.Execution execution, Expression? expression, string field)
    {
        if (expression is null)
        {
            return null;
        }

        var value = execution.Evaluate(expression, field);
        if (value.Type == VariableType.Null)
        {
            return null;
        }

        if (value.Type == VariableType.Date)
        {
            return value.AsDate();
        }

        var text = value.ToString();
        var zone = execution.Step.Services.Zone;
        if (TimerSchedule.TryParse(TimerKind.Date, text, out var date, out _) || TimerSchedule.TryParse(TimerKind.Duration, text, out date, out _))
        {
            return date!.FirstDue(execution.Step.Now, zone);
        }

        throw new ExecutionFailure(IncidentCodes.InvalidValue,
            $"The {field} of '{execution.Node.Id}' is '{text}', which is neither a date-time (2027-01-05T17:00) nor a duration (P3D).");
    }
}
