namespace FourDuty.Engine.Runtime.State;

/// <summary>A step that failed and waits for someone to act: retry it, or cancel the instance.</summary>
public sealed class IncidentRecord
{
    /// <summary>The incident id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The token stopped by the failure.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The element where it failed.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>A stable code for the kind of failure.</summary>
    public string Code { get; set; } = "";

    /// <summary>What failed, naming the element and the expression or handler.</summary>
    public string Message { get; set; } = "";

    /// <summary>Which part of the element's work failed, so that a retry resumes exactly there.</summary>
    public IncidentPhase Phase { get; set; }

    /// <summary>The job that failed, for handler failures.</summary>
    public Guid? JobId { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where in an element's life a failure happened.</summary>
public enum IncidentPhase
{
    /// <summary>While the token entered the element; a retry enters again.</summary>
    Enter,

    /// <summary>While the token left it (output mapping, choosing the flow); a retry leaves again.</summary>
    Leave,

    /// <summary>In a job's handler; a retry runs the job again with fresh attempts.</summary>
    Job,
}
