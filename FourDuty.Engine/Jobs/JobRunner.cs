using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// Runs one job: claims it in a step of its own, runs the handler outside any transaction, then records the
/// outcome in another step. A job that is gone, not due, out of attempts or claimed by another run is left alone,
/// so running the same job twice at once (the scheduled job and the sweep, two nodes) runs its handler once and
/// moves its token once.
/// </summary>
internal sealed class JobRunner(EngineServices services, CommandExecutor executor)
{
    // How long a claimed job is left to the run that claimed it: longer than a slow handler call, short enough that
    // a node that died mid-run is replaced soon (Camunda 7's job executor locks jobs for five minutes too).
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private readonly WorkInHand _running = new();

    /// <summary>Whether this node is running the job at this moment.</summary>
    public bool IsRunning(Guid jobId) => _running.Holds(jobId);

    public Task<bool> RunAsync(Guid jobId, CancellationToken cancellationToken) =>
        _running.RunAsync(jobId, () => ClaimAndRunAsync(jobId, cancellationToken));

    private async Task<bool> ClaimAndRunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await executor.ExecuteAsync(new ClaimJobCommand(jobId, ClaimLease), cancellationToken) is not { } claim)
        {
            return false;
        }

        JobOutcome outcome;
        if (claim.Context is null)
        {
            outcome = new JobSucceeded(NoVariables.Instance, null);
        }
        else if (!services.Handlers.TryGet(claim.Job.HandlerType, out var handler))
        {
            outcome = new JobFailed(
                $"No handler is registered for the type '{claim.Job.HandlerType}' of '{claim.Job.ElementId}'. Registered types: {string.Join(", ", services.Handlers.Types.DefaultIfEmpty("none"))}.",
                Retry: false);
        }
        else
        {
            outcome = await RunHandlerAsync(handler, claim.Context, cancellationToken);
        }

        return await executor.ExecuteAsync(new RecordJobOutcomeCommand(jobId, outcome, claim.Until), cancellationToken);
    }

    private static async Task<JobOutcome> RunHandlerAsync(IServiceTaskHandler handler, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await handler.ExecuteAsync(context, cancellationToken);
            return new JobSucceeded(
                result.Variables.ToDictionary(v => v.Key, v => VariableValue.FromJson(v.Value), StringComparer.Ordinal),
                result.Result is null ? null : VariableValue.FromJson(result.Result));
        }
        catch (BpmnErrorException error)
        {
            return new JobRaisedError(error.ErrorCode, error.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new JobFailed($"{exception.GetType().Name}: {exception.Message}", Retry: true);
        }
    }
}
