using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>
/// Runs every command the same way: a fresh store session, the command, the agenda to the next wait states, one
/// commit. A step that loses a race with another step on the same instance is run again on fresh state; what
/// it did is never half-written.
/// </summary>
internal sealed class CommandExecutor(IEngineStore store, EngineServices services, IEnumerable<IStepListener> listeners)
{
    public async Task<T> ExecuteAsync<T>(IEngineCommand<T> command, CancellationToken cancellationToken = default)
    {
        var attempts = services.Options.ConflictRetries + 1;
        // A step may write an outbox row that carries a task link; the key its token comes from is read once per engine.
        await services.LinkKey.EnsureAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await store.BeginAsync(cancellationToken);
            var step = new StepContext(session, services);
            T result;
            try
            {
                result = await command.ExecuteAsync(step, cancellationToken);
            }
            catch (ExecutionFailure failure) when (failure.Code == IncidentCodes.VariableLimit)
            {
                // Variables a request sends, outside any element's work: the request is refused, nothing is stored.
                throw new EngineException(EngineErrors.VariableLimit, failure.Message);
            }

            await step.RunAsync();
            try
            {
                await session.CommitAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < attempts)
            {
                // Someone else changed the instance between our read and our write: read again and redo.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
                continue;
            }
            catch (ConcurrencyConflictException exception)
            {
                throw new EngineException(EngineErrors.Busy,
                    $"The step lost {attempts} races in a row with other steps on the same instance; try again. ({exception.Message})");
            }

            foreach (var listener in listeners)
            {
                await listener.CommittedAsync(step.NewTimers, step.NewJobs, step.NewOutbox, cancellationToken);
            }

            return result;
        }
    }
}

/// <summary>Told after each commit about the timers and jobs it created, so a job driver can schedule them.</summary>
internal interface IStepListener
{
    Task CommittedAsync(IReadOnlyList<State.TimerRecord> timers, IReadOnlyList<State.JobRecord> jobs, IReadOnlyList<State.OutboxRecord> outbox,
        CancellationToken cancellationToken);
}
