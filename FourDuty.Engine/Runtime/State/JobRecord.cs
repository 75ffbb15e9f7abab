namespace FourDuty.Engine.Runtime.State;

/// <summary>Work that runs outside a step, such as a service task's handler, retried on failure.</summary>
public sealed class JobRecord
{
    /// <summary>The job id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The token that waits for the job.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The element the job runs for.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>What the job does.</summary>
    public JobKind Kind { get; set; }

    /// <summary>The handler key (service and send tasks).</summary>
    public string? HandlerType { get; set; }

    /// <summary>When the job may run next (now, or after a retry's backoff).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Attempts left before the job becomes an incident.</summary>
    public int RetriesLeft { get; set; }

    /// <summary>The last failure's message.</summary>
    public string? LastError { get; set; }
}

/// <summary>What a job does.</summary>
public enum JobKind
{
    /// <summary>Runs a service or send task's handler.</summary>
    ServiceTask,

    /// <summary>Continues after an asynchronous boundary (<c>camunda:asyncBefore</c> / <c>asyncAfter</c>).</summary>
    Continuation,
}
