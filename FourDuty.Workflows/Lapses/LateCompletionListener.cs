using System.Text.Json;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lapses;

/// <summary>
/// A task completed after its deadline: the lapse it caused stays, and says when the work was done after all. The step
/// that completes the task writes an outbox row (so nothing is done for a step that rolled back); its handler marks the
/// lapse. (A lapse recorded after the completion finds the completion itself: see <c>duty.recordLapse</c>.)
/// </summary>
internal sealed class LateCompletionListener : IUserTaskListener
{
    public const string Kind = "duty-late-done";

    public void OnTaskEvent(UserTaskEvent taskEvent)
    {
        if (taskEvent is { Kind: UserTaskEventKind.Completed, Task.DueAt: { } due } && due < taskEvent.Now)
        {
            var done = new LateCompletion(taskEvent.Task.Id, taskEvent.Task.InstanceId, taskEvent.Task.ElementId, due, taskEvent.Now, taskEvent.Task.Assignee,
                taskEvent.Task.CompletedBy);
            taskEvent.Outbox.Add(Kind, $"task:{taskEvent.Task.Id}:late-done", JsonSerializer.Serialize(done, JsonSerializerOptions.Web), taskEvent.Task.InstanceId,
                taskEvent.Task.Id);
        }
    }
}

/// <summary>A task done after its deadline, by whom and whose it was.</summary>
internal sealed record LateCompletion(Guid TaskId, Guid InstanceId, string ElementId, DateTimeOffset DueAt, DateTimeOffset DoneAt, string? Assignee = null,
    string? CompletedBy = null)
{
    /// <summary>
    /// Whether <paramref name="lapse"/> is this task's. A lapse the model recorded names the instance and element but not the
    /// task: in a multi-instance every subject's task has the same element and deadline, so the person (the subject's
    /// owner, who held the task) tells them apart.
    /// </summary>
    public static bool IsOf(Lapse lapse, Guid taskId, string? assignee, string? completedBy) =>
        lapse.MissedTaskId == taskId || lapse.MissedTaskId == null && (lapse.PersonId == null || lapse.PersonId == assignee || lapse.PersonId == completedBy);
}

/// <summary>Marks the lapse of a task done late with when it was done; the lapse itself stays. Idempotent: a lapse marked once keeps its first date.</summary>
internal sealed class LateCompletionHandler(IDbContextFactory<DutyDbContext> contexts) : IOutboxHandler
{
    public string Kind => LateCompletionListener.Kind;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var done = JsonSerializer.Deserialize<LateCompletion>(message.Payload, JsonSerializerOptions.Web)!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lapses = (await db.Lapses
            .Where(l => l.DoneLaterAt == null && (l.MissedTaskId == done.TaskId
                || (l.MissedInstanceId == done.InstanceId && l.MissedElementId == done.ElementId && l.DueAt == done.DueAt)))
            .ToListAsync(cancellationToken)).Where(l => LateCompletion.IsOf(l, done.TaskId, done.Assignee, done.CompletedBy)).ToList();
        foreach (var lapse in lapses)
        {
            lapse.DoneLaterAt = done.DoneAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        return lapses.Count > 0 ? OutboxOutcome.Sent($"marked {lapses.Count} lapse(s) done later") : OutboxOutcome.Skipped("no lapse recorded for this task");
    }
}
