using FourDuty.Engine.Runtime.Behaviours;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>Completes an open user task with variables; a second completion is refused, saying who was first.</summary>
internal sealed record CompleteTaskCommand(Guid TaskId, string? UserId, IReadOnlyDictionary<string, VariableValue> Variables, int? ExpectedRevision)
    : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var (instance, task) = await OpenTask.FindAsync(step, TaskId, ExpectedRevision, cancellationToken);
        var variables = await TaskForms.CheckAsync(step, instance, task, Variables, UserId, cancellationToken);
        var token = instance.Token(task.TokenId)!;
        var execution = await step.ExecutionAsync(instance, token);
        step.Agenda.Add(instance, token, task.ElementId, IncidentPhase.Leave,
            () => ((IWaitBehaviour)step.Services.Behaviours.For(execution.Node)).TriggerAsync(execution, new TaskCompleted(task, UserId, variables)));
        return true;
    }
}

/// <summary>Claim, unclaim, delegate or assign an open task.</summary>
internal sealed record ChangeAssigneeCommand(Guid TaskId, AssigneeChange Change, string? UserId, int? ExpectedRevision) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var (instance, task) = await OpenTask.FindAsync(step, TaskId, ExpectedRevision, cancellationToken);
        switch (Change)
        {
            case AssigneeChange.Claim when task.Assignee is { } current && current != UserId:
                throw new EngineException(EngineErrors.TaskAlreadyClaimed, $"Task {TaskId} is already claimed by {current}.");
            case AssigneeChange.Claim or AssigneeChange.Assign:
                task.Assignee = UserId;
                break;
            case AssigneeChange.Unclaim:
                task.Assignee = null;
                break;
            case AssigneeChange.Delegate:
                task.Owner ??= task.Assignee;
                task.Assignee = UserId;
                break;
        }

        task.Revision++;
        step.History.Record(instance, HistoryEventType.TaskAssigned, task.ElementId, task.TokenId, task.Id,
            System.Text.Json.JsonSerializer.Serialize(new { change = Change.ToString(), assignee = task.Assignee }));
        var kind = Change is AssigneeChange.Claim or AssigneeChange.Unclaim ? Tasks.UserTaskEventKind.Claimed : Tasks.UserTaskEventKind.Reassigned;
        await step.NotifyTaskAsync(instance, task, kind);
        return true;
    }
}

/// <summary>
/// Records a comment on an open task in the instance's history and tells the task listeners, unless a comment of the same
/// type was made on the task less than <see cref="NotWithin"/> ago. The history row makes the instance's revision move, so
/// two comments at once on one task are one after the other: the second sees the first.
/// </summary>
internal sealed record CommentOnTaskCommand(Guid TaskId, TaskComment Comment, TimeSpan? NotWithin) : IEngineCommand<TaskCommentResult>
{
    public async Task<TaskCommentResult> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var (instance, task) = await OpenTask.FindAsync(step, TaskId, expectedRevision: null, cancellationToken);
        var previous = (await step.Session.FindTaskHistoryAsync(instance.Instance.Id, task.Id, HistoryEventType.TaskCommented, cancellationToken))
            .Select(Entry).Where(e => e is not null && e.Comment.Type == Comment.Type).MaxBy(e => e!.At);
        if (previous is not null && NotWithin is { } interval && previous.At + interval > step.Now)
        {
            return new TaskCommentResult(null, previous, previous.At + interval);
        }

        var entry = new TaskCommentEntry(step.NewId(), step.Now, Comment);
        instance.Record(new HistoryRecord
        {
            Id = entry.Id,
            InstanceId = instance.Instance.Id,
            At = entry.At,
            Type = HistoryEventType.TaskCommented,
            ElementId = task.ElementId,
            TokenId = task.TokenId,
            SubjectId = task.Id,
            Details = System.Text.Json.JsonSerializer.Serialize(new { type = Comment.Type, userId = Comment.UserId, message = Comment.Message }),
        });
        await step.NotifyTaskAsync(instance, task, UserTaskEventKind.Commented, entry);
        return new TaskCommentResult(entry, previous, null);
    }

    /// <summary>The comment a <see cref="HistoryEventType.TaskCommented"/> event holds; null for details it cannot read.</summary>
    internal static TaskCommentEntry? Entry(HistoryRecord history)
    {
        try
        {
            using var details = System.Text.Json.JsonDocument.Parse(history.Details ?? "{}");
            var root = details.RootElement;
            return root.TryGetProperty("type", out var type) && root.TryGetProperty("userId", out var user)
                ? new TaskCommentEntry(history.Id, history.At, new TaskComment(type.GetString() ?? "", user.GetString() ?? "",
                    root.TryGetProperty("message", out var message) ? message.GetString() : null))
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>How a task's assignee changes.</summary>
public enum AssigneeChange
{
    /// <summary>A candidate takes the task (refused if someone else has it).</summary>
    Claim,

    /// <summary>The assignee gives it back to the candidates.</summary>
    Unclaim,

    /// <summary>The assignee hands it to someone, staying its owner.</summary>
    Delegate,

    /// <summary>An administrator sets the assignee.</summary>
    Assign,
}

internal static class OpenTask
{
    public static async Task<(InstanceState Instance, UserTaskRecord Task)> FindAsync(StepContext step, Guid taskId, int? expectedRevision, CancellationToken cancellationToken)
    {
        // One read: the task (in any state, to say what became of it) and the whole instance that holds it.
        var (stored, instance) = await step.Session.LoadInstanceOfTaskAsync(taskId, cancellationToken);
        return await CheckAsync(step, taskId, stored, instance, expectedRevision, cancellationToken);
    }

    /// <summary>The open task in its loaded instance, or the reason it cannot be acted on.</summary>
    public static async Task<(InstanceState Instance, UserTaskRecord Task)> CheckAsync(StepContext step, Guid taskId, UserTaskRecord? stored,
        InstanceState? instance, int? expectedRevision, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            throw new EngineException(EngineErrors.TaskNotFound, $"There is no task {taskId}.");
        }

        if (instance is not null)
        {
            step.Instances.Add(instance);
        }

        var task = instance?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (task is null)
        {
            // Another step may have closed the task between the two reads; say what it did.
            stored = await step.Session.FindTaskAsync(taskId, cancellationToken) ?? stored;
            throw new EngineException(EngineErrors.TaskNotOpen, stored.Status == UserTaskStatus.Completed
                ? $"Task {taskId} was already completed{(stored.CompletedBy is null ? "" : $" by {stored.CompletedBy}")} at {stored.EndedAt:u}."
                : $"Task {taskId} is no longer open: it was cancelled at {stored.EndedAt:u}.");
        }

        if (expectedRevision is { } revision && revision != task.Revision)
        {
            throw new EngineException(EngineErrors.TaskRevisionMismatch,
                $"Task {taskId} changed since you read it (revision {revision}, now {task.Revision}); reload it and try again.");
        }

        return (instance!, task);
    }
}
