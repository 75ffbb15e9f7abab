using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Time;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Opens a task for people and waits until one of them completes it.</summary>
internal sealed class UserTaskBehaviour : IWaitBehaviour
{
    public async ValueTask EnterAsync(Execution.Execution execution)
    {
        var node = (UserTask)execution.Node;
        var step = execution.Step;
        var assignment = Assign(execution, node);
        var task = new UserTaskRecord
        {
            Id = step.NewId(),
            InstanceId = execution.Instance.Instance.Id,
            TokenId = execution.Token.Id,
            ElementId = node.Id,
            Name = NameOf(execution),
            Description = node.Documentation,
            Assignee = assignment.Assignee,
            CandidateUsers = Join(assignment.CandidateUsers),
            CandidateGroups = Join(assignment.CandidateGroups),
            DueAt = Instant(execution, node.DueDate, "camunda:dueDate"),
            FollowUpAt = Instant(execution, node.FollowUpDate, "camunda:followUpDate"),
            FormKey = node.FormKey,
            Priority = node.Priority is { } priority && int.TryParse(execution.Text(priority, "camunda:priority"), out var p) ? p : 50,
            CreatedAt = step.Now,
            Status = UserTaskStatus.Open,
        };
        execution.Instance.Tasks.Add(task);
        step.History.Record(execution.Instance, HistoryEventType.TaskCreated, node.Id, execution.Token.Id, task.Id,
            System.Text.Json.JsonSerializer.Serialize(new { task.Name, task.Assignee, task.CandidateUsers, task.CandidateGroups, task.DueAt }));
        await step.NotifyTaskAsync(execution.Instance, task, UserTaskEventKind.Created);
    }

    /// <summary>
    /// The model's assignment, with the lane as the candidate group when the task names nobody (the lane's
    /// <c>candidateGroups</c> property, else its name), then the domain's resolver.
    /// </summary>
    private static TaskAssignment Assign(Execution.Execution execution, UserTask node)
    {
        var proposed = new TaskAssignment(
            execution.Text(node.Assignee, "camunda:assignee"),
            List(execution, node.CandidateUsers, "camunda:candidateUsers"),
            List(execution, node.CandidateGroups, "camunda:candidateGroups"));
        if (proposed is { Assignee: null, CandidateUsers.Count: 0, CandidateGroups.Count: 0 } && node.Lane is { } lane)
        {
            var group = lane.Properties.TryGetValue("candidateGroups", out var groups) ? groups : lane.Name;
            proposed = proposed with { CandidateGroups = TaskCandidates.Split(group).ToList() };
        }

        if (execution.Step.Services.AssignmentResolver is not { } resolver)
        {
            return proposed;
        }

        var variables = execution.Variables;
        return resolver.Resolve(new TaskAssignmentRequest(proposed, node, execution.Instance.Instance,
            name => variables.TryGet(name, out var value) ? value.Json?.DeepClone() : null));
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(",", values);

    public async ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        var completed = (TaskCompleted)trigger;
        await execution.Step.Waits.CloseTaskAsync(execution.Instance, completed.Task, UserTaskStatus.Completed, completed.UserId);
        execution.Step.Variables.Set(execution.Instance, execution.Token, trigger.Variables);
        execution.Leave();
    }

    /// <summary>A task name may be a template, such as "Review ${loopCounter}".</summary>
    private static string? NameOf(Execution.Execution execution)
    {
        var name = execution.Node.Name;
        return name is not null && name.Contains("${", StringComparison.Ordinal) && Expression.TryParse(name, out var template, out _)
            ? execution.Text(template, "name")
            : name;
    }

    private static IReadOnlyList<string> List(Execution.Execution execution, Expression? expression, string field)
    {
        if (expression is null)
        {
            return [];
        }

        var value = execution.Evaluate(expression, field);
        return value switch
        {
            { Type: VariableType.List, Json: System.Text.Json.Nodes.JsonArray items } => items.Select(i => i?.ToString() ?? "").Where(i => i.Length > 0).ToList(),
            { Type: VariableType.Null } => [],
            _ => TaskCandidates.Split(value.ToString()).ToList(),
        };
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
