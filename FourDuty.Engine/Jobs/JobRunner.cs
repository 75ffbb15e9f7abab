using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Runtime.Variables;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// Runs one job: reads what the handler needs, runs the handler outside any transaction, then records the
/// outcome in a step of its own. A job that is gone, not due or out of attempts is left alone, so running
/// the same job twice (a retry, a second node) moves its token at most once.
/// </summary>
internal sealed class JobRunner(IEngineStore store, EngineServices services, CommandExecutor executor)
{
    public async Task<bool> RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var work = await ReadAsync(jobId, cancellationToken);
        if (work is null)
        {
            return false;
        }

        var (job, context) = work.Value;
        JobOutcome outcome;
        if (job.Kind == JobKind.Continuation)
        {
            outcome = new JobSucceeded(NoVariables.Instance, null);
        }
        else if (!services.Handlers.TryGet(job.HandlerType, out var handler))
        {
            outcome = new JobFailed(
                $"No handler is registered for the type '{job.HandlerType}' of '{job.ElementId}'. Registered types: {string.Join(", ", services.Handlers.Types.DefaultIfEmpty("none"))}.",
                Retry: false);
        }
        else
        {
            outcome = await RunHandlerAsync(handler, context!, cancellationToken);
        }

        return await executor.ExecuteAsync(new RecordJobOutcomeCommand(jobId, outcome), cancellationToken);
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

    private async Task<(JobRecord Job, ServiceTaskContext? Context)?> ReadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var step = new StepContext(session, services);
        var job = await session.FindJobAsync(jobId, cancellationToken);
        if (job is null || job.RetriesLeft <= 0 || job.DueAt > step.Now)
        {
            return null;
        }

        if (job.Kind == JobKind.Continuation)
        {
            return (job, null);
        }

        var instance = await step.LoadAsync(job.InstanceId, cancellationToken);
        if (instance is not { IsActive: true } || instance.Token(job.TokenId) is not { } token)
        {
            return null;
        }

        var execution = await step.ExecutionAsync(instance, token);
        var context = new ServiceTaskContext
        {
            JobId = job.Id,
            InstanceId = instance.Instance.Id,
            BusinessKey = instance.Instance.BusinessKey,
            DefinitionKey = instance.Instance.DefinitionKey,
            ElementId = job.ElementId,
            ElementName = execution.Node.Name,
            Documentation = execution.Node.Documentation,
            Properties = execution.Node.Properties,
            Variables = step.Variables.Visible(instance, token).ToDictionary(v => v.Key, v => v.Value.Json?.DeepClone(), StringComparer.Ordinal),
            Attempt = services.Options.JobRetries - job.RetriesLeft,
        };
        return (job, context);
    }
}
