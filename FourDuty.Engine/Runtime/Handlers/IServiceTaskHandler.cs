namespace FourDuty.Engine.Runtime.Handlers;

/// <summary>
/// The work behind a service or send task, chosen by the task's <c>camunda:type</c> (or topic). Register
/// implementations once at start; the engine runs them as jobs, outside any database transaction.
/// </summary>
/// <remarks>
/// Delivery is at least once: after a crash between the handler's end and the step that records it, the
/// handler runs again, so make it idempotent (the <see cref="ServiceTaskContext.JobId"/> is a stable key).
/// Throw <see cref="BpmnErrorException"/> for a business error the model catches; any other exception is
/// retried with backoff and finally becomes an incident.
/// </remarks>
public interface IServiceTaskHandler
{
    /// <summary>The <c>camunda:type</c> this handler serves, e.g. <c>mail</c>.</summary>
    string Type { get; }

    /// <summary>Does the work and returns the variables to set.</summary>
    Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
