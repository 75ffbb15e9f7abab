using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>Stores a task link's token hash for a person (idempotent: the same hash twice is one link).</summary>
internal sealed record RegisterTaskLinkCommand(string TokenHash, Guid TaskId, string Person, DateTimeOffset ExpiresAt) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (await step.Session.FindTaskLinkAsync(TokenHash, cancellationToken) is not null)
        {
            return false;
        }

        step.Session.AddTaskLink(new TaskLinkRecord
        {
            TokenHash = TokenHash,
            TaskId = TaskId,
            Person = Person,
            CreatedAt = step.Now,
            ExpiresAt = ExpiresAt,
        });
        return true;
    }
}

/// <summary>
/// Completes a task through its emailed link, checking in the same step that the link is genuine, unexpired,
/// unused, and still the person's: the answer says exactly which of these failed.
/// </summary>
internal sealed record CompleteTaskByLinkCommand(string TokenHash, IReadOnlyDictionary<string, VariableValue> Variables) : IEngineCommand<TaskLinkState>
{
    public async Task<TaskLinkState> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        // The link, its task and the task's whole instance in one read: the token check is part of the completion's own read.
        var (link, stored, loaded) = await step.Session.LoadInstanceOfTaskLinkAsync(TokenHash, cancellationToken);
        if (link is null)
        {
            return TaskLinkState.Of(null, null, step.Now);
        }

        var state = TaskLinkState.Of(link, stored, step.Now);
        if (state.Status != TaskLinkStatus.Open)
        {
            return state;
        }

        var (instance, task) = await OpenTask.CheckAsync(step, link.TaskId, stored, loaded, null, cancellationToken);
        IReadOnlyDictionary<string, VariableValue> variables;
        try
        {
            variables = await TaskForms.CheckAsync(step, instance, task, Variables, link.Person, cancellationToken);
        }
        catch (EngineException invalid) when (invalid.Error == EngineErrors.InvalidForm)
        {
            return state with { Status = TaskLinkStatus.InvalidSubmission, Errors = (IReadOnlyList<Forms.FormFieldError>)invalid.Details! };
        }

        link.UsedAt = step.Now;
        var token = instance.Token(task.TokenId)!;
        var execution = await step.ExecutionAsync(instance, token);
        step.Agenda.Add(instance, token, task.ElementId, IncidentPhase.Leave,
            () => ((Behaviours.IWaitBehaviour)step.Services.Behaviours.For(execution.Node)).TriggerAsync(execution, new TaskCompleted(task, link.Person, variables)));
        return state with { Status = TaskLinkStatus.CompletedNow };
    }
}
