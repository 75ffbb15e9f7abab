using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Outbox;

/// <summary>
/// Adds outbox rows from outside a step (a service task's handler, say), skipping keys that exist already: a
/// handler that runs twice enqueues its mails once.
/// </summary>
internal sealed record EnqueueOutboxCommand(IReadOnlyList<OutboxEntry> Entries) : IEngineCommand<int>
{
    public async Task<int> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var outbox = new StepOutbox(step);
        var added = 0;
        foreach (var entry in Entries)
        {
            if (!await step.Session.HasOutboxKeyAsync(entry.Key, cancellationToken))
            {
                if (entry is { TaskLinkFor: { } person, InstanceId: { } instanceId, TaskId: { } taskId })
                {
                    outbox.AddWithTaskLink(entry.Kind, entry.Key, entry.Payload, instanceId, taskId, person);
                }
                else
                {
                    outbox.Add(entry.Kind, entry.Key, entry.Payload, entry.InstanceId, entry.TaskId);
                }

                added++;
            }
        }

        return added;
    }
}

/// <summary>One row to enqueue: the handler's kind, a unique key, the payload, and what it is about.</summary>
/// <param name="Kind">The outbox handler's kind, e.g. <c>mail</c>.</param>
/// <param name="Key">Unique: a key that exists already is skipped.</param>
/// <param name="Payload">JSON for the handler.</param>
/// <param name="InstanceId">The instance it belongs to.</param>
/// <param name="TaskId">The user task it is about.</param>
/// <param name="TaskLinkFor">
/// With <paramref name="InstanceId"/> and <paramref name="TaskId"/>: the person whose link to the task the row carries, made
/// with the row (see <see cref="Runtime.Tasks.IOutbox.AddWithTaskLink"/>).
/// </param>
public sealed record OutboxEntry(string Kind, string Key, string Payload, Guid? InstanceId = null, Guid? TaskId = null, string? TaskLinkFor = null);
