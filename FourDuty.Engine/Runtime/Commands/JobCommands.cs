using FourDuty.Engine.Runtime.Behaviours;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>How a job's run ended, recorded in a step of its own.</summary>
internal abstract record JobOutcome;

/// <summary>The handler succeeded (or the job was a continuation).</summary>
internal sealed record JobSucceeded(IReadOnlyDictionary<string, VariableValue> Variables, VariableValue? Result) : JobOutcome;

/// <summary>The handler raised a BPMN error.</summary>
internal sealed record JobRaisedError(string Code, string? Message) : JobOutcome;

/// <summary>The handler threw; the job is retried with backoff, and becomes an incident when no attempts are left.</summary>
internal sealed record JobFailed(string Message, bool Retry) : JobOutcome;

/// <summary>A job taken for one run: what its handler is given, and until when the run has it to itself.</summary>
/// <param name="Job">The job as claimed.</param>
/// <param name="Context">What the handler sees; null for an asynchronous continuation, which has no handler.</param>
/// <param name="Until">The end of the claim, stored as the job's due time.</param>
internal sealed record JobClaim(JobRecord Job, ServiceTaskContext? Context, DateTimeOffset Until);

/// <summary>
/// Takes a due job for one run, in a step of its own before its handler runs: the scheduled job, the minute
/// sweep and another node may all reach it at once, and only the claim that commits runs the handler. The claim
/// moves the job's due time past a lease; a node that dies mid-run leaves the job to the sweep when it runs out.
/// </summary>
internal sealed record ClaimJobCommand(Guid JobId, TimeSpan Lease) : IEngineCommand<JobClaim?>
{
    public async Task<JobClaim?> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var stored = await step.Session.FindJobAsync(JobId, cancellationToken);
        if (stored is null || stored.RetriesLeft <= 0 || stored.DueAt > step.Now
            || await step.LoadAsync(stored.InstanceId, cancellationToken) is not { IsActive: true } instance
            || instance.Jobs.FirstOrDefault(j => j.Id == JobId) is not { RetriesLeft: > 0 } job || job.DueAt > step.Now
            || instance.Token(job.TokenId) is not { } token)
        {
            return null;
        }

        job.DueAt = step.Now + Lease;
        if (job.Kind == JobKind.Continuation)
        {
            return new JobClaim(job, null, job.DueAt);
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
            ScopeId = token.ScopeId,
            Attempt = step.Services.Options.JobRetries - job.RetriesLeft,
        };
        return new JobClaim(job, context, job.DueAt);
    }
}

/// <summary>
/// Records the outcome of a job's run. Idempotent: a job that is gone (another run recorded it first), or that
/// another run claimed after this one's claim ran out, is left alone, so a job delivered twice moves its token once.
/// </summary>
internal sealed record RecordJobOutcomeCommand(Guid JobId, JobOutcome Outcome, DateTimeOffset ClaimedUntil) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var stored = await step.Session.FindJobAsync(JobId, cancellationToken);
        if (stored is null || await step.LoadAsync(stored.InstanceId, cancellationToken) is not { IsActive: true } instance
            || instance.Jobs.FirstOrDefault(j => j.Id == JobId) is not { } job || job.DueAt != ClaimedUntil
            || instance.Token(job.TokenId) is not { } token)
        {
            return false;
        }

        var execution = await step.ExecutionAsync(instance, token);
        switch (Outcome)
        {
            case JobSucceeded success when job.Kind == JobKind.Continuation:
                instance.Jobs.Remove(job);
                if (job.HandlerType == AsyncContinuation.Before)
                {
                    step.Flow.ScheduleEnter(execution, skipAsync: true);
                }
                else
                {
                    step.Flow.ScheduleLeave(execution, skipAsync: true);
                }

                break;
            case JobSucceeded success:
                instance.Jobs.Remove(job);
                step.Agenda.Add(instance, token, job.ElementId, IncidentPhase.Leave,
                    () => ((IWaitBehaviour)step.Services.Behaviours.For(execution.Node)).TriggerAsync(execution, new JobCompleted(job, success.Variables, success.Result)));
                break;
            case JobRaisedError error:
                instance.Jobs.Remove(job);
                step.Agenda.Add(instance, token, job.ElementId, IncidentPhase.Enter,
                    () => step.Throwing.ThrowErrorAsync(execution, error.Code, error.Message));
                break;
            case JobFailed failed:
                RecordFailure(step, instance, token, job, failed);
                break;
        }

        return true;
    }

    private static void RecordFailure(StepContext step, InstanceState instance, TokenRecord token, JobRecord job, JobFailed failed)
    {
        job.RetriesLeft = failed.Retry ? job.RetriesLeft - 1 : 0;
        job.LastError = failed.Message;
        var attempt = step.Services.Options.JobRetries - job.RetriesLeft;
        job.DueAt = step.Now + step.Services.Options.JobRetryBackoff * Math.Pow(2, Math.Max(0, attempt - 1));
        step.History.Record(instance, HistoryEventType.JobFailed, job.ElementId, token.Id, job.Id,
            System.Text.Json.JsonSerializer.Serialize(new { error = failed.Message, retriesLeft = job.RetriesLeft }));
        if (job.RetriesLeft > 0)
        {
            step.NewJobs.Add(job);
            return;
        }

        var code = failed.Retry ? IncidentCodes.HandlerFailed : IncidentCodes.HandlerMissing;
        token.Status = TokenStatus.Failed;
        instance.Incidents.Add(new IncidentRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            TokenId = token.Id,
            ElementId = job.ElementId,
            Code = code,
            Message = failed.Retry
                ? $"The handler '{job.HandlerType}' of '{job.ElementId}' failed {step.Services.Options.JobRetries} times; last error: {failed.Message}"
                : failed.Message,
            Phase = IncidentPhase.Job,
            JobId = job.Id,
            CreatedAt = step.Now,
        });
        step.History.Record(instance, HistoryEventType.IncidentCreated, job.ElementId, token.Id, job.Id,
            System.Text.Json.JsonSerializer.Serialize(new { code, message = failed.Message }));
    }
}

/// <summary>Retries what an incident stopped: the element's entry, its exit, or its job with fresh attempts.</summary>
internal sealed record RetryIncidentCommand(Guid IncidentId) : IEngineCommand<bool>
{
    public async Task<bool> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var stored = await step.Session.FindIncidentAsync(IncidentId, cancellationToken)
            ?? throw new EngineException(EngineErrors.IncidentNotFound, $"There is no open incident {IncidentId}; it may have been retried already.");
        var instance = await step.LoadAsync(stored.InstanceId, cancellationToken);
        var incident = instance?.Incidents.FirstOrDefault(i => i.Id == IncidentId);
        if (instance is null || incident is null || instance.Token(incident.TokenId) is not { } token)
        {
            throw new EngineException(EngineErrors.IncidentNotFound, $"Incident {IncidentId} is already resolved.");
        }

        step.Waits.ResolveIncident(instance, incident);
        token.Status = TokenStatus.Waiting;
        var execution = await step.ExecutionAsync(instance, token);
        switch (incident.Phase)
        {
            case IncidentPhase.Enter:
                step.Flow.ScheduleEnter(execution);
                break;
            case IncidentPhase.Leave:
                step.Flow.ScheduleLeave(execution);
                break;
            default:
                if (instance.Jobs.FirstOrDefault(j => j.Id == incident.JobId) is { } job)
                {
                    job.RetriesLeft = step.Services.Options.JobRetries;
                    job.DueAt = step.Now;
                    step.NewJobs.Add(job);
                }

                break;
        }

        return true;
    }
}
