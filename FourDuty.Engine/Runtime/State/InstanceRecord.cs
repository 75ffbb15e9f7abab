namespace FourDuty.Engine.Runtime.State;

/// <summary>One process instance: the root of everything a step reads and writes.</summary>
public sealed class InstanceRecord
{
    /// <summary>The instance id.</summary>
    public Guid Id { get; set; }

    /// <summary>The definition version the instance runs on, for life.</summary>
    public Guid DefinitionId { get; set; }

    /// <summary>The definition's key (the BPMN process id).</summary>
    public string DefinitionKey { get; set; } = "";

    /// <summary>The definition's version number.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>An id from the business (e.g. a subject and year) by which people find the instance.</summary>
    public string? BusinessKey { get; set; }

    /// <summary>Running, completed or cancelled.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>The calling instance, when started by a call activity.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>The token of the calling instance that waits at the call activity.</summary>
    public Guid? ParentTokenId { get; set; }

    /// <summary>When the instance started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the instance ended, if it has.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it was cancelled, if it was.</summary>
    public string? EndReason { get; set; }

    /// <summary>Incremented by every committed step; a step that read an older revision is retried.</summary>
    public long Revision { get; set; }
}

/// <summary>Where an instance is in its life.</summary>
public enum InstanceStatus
{
    /// <summary>Running: it has tokens.</summary>
    Active,

    /// <summary>Every token reached an end.</summary>
    Completed,

    /// <summary>Cancelled by a request (or by its caller being cancelled).</summary>
    Cancelled,
}
