namespace FourDuty.Engine.Runtime.State;

/// <summary>A user task: work for a person, open while its token waits.</summary>
public sealed class UserTaskRecord
{
    /// <summary>The task id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The token that waits for the task.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The user task element.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>The task name (templates evaluated).</summary>
    public string? Name { get; set; }

    /// <summary>The element's documentation: what is asked and which article it serves.</summary>
    public string? Description { get; set; }

    /// <summary>The person who does it.</summary>
    public string? Assignee { get; set; }

    /// <summary>Who delegated it, while delegated.</summary>
    public string? Owner { get; set; }

    /// <summary>Comma-separated people who may claim it.</summary>
    public string? CandidateUsers { get; set; }

    /// <summary>Comma-separated groups whose members may claim it.</summary>
    public string? CandidateGroups { get; set; }

    /// <summary>The deadline.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When to look at it again.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }

    /// <summary>The form to fill in.</summary>
    public string? FormKey { get; set; }

    /// <summary>Priority (50 by default, as in Camunda).</summary>
    public int Priority { get; set; } = 50;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Open, completed or cancelled.</summary>
    public UserTaskStatus Status { get; set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Incremented on every change; claim and complete can require the revision the caller saw.</summary>
    public int Revision { get; set; }
}

/// <summary>Where a user task is in its life.</summary>
public enum UserTaskStatus
{
    /// <summary>Waiting for someone.</summary>
    Open,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Withdrawn: its scope was cancelled or interrupted.</summary>
    Cancelled,
}
