using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Talks;

/// <summary>
/// A reminder talk (约谈提醒, Art. 17, 27) with a subject's owner, held by whoever has cadre-management authority,
/// assisted by the discipline secretary; reported upward for a principal leader.
/// </summary>
public sealed class ReminderTalk : DutyRecord
{
    /// <summary>The subject concerned.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The person talked with.</summary>
    public string PersonId { get; set; } = "";

    /// <summary>The duty year.</summary>
    public int Year { get; set; }

    /// <summary>What kind of talk.</summary>
    public TalkKind Kind { get; set; }

    /// <summary>Who holds it.</summary>
    public string HolderId { get; set; } = "";

    /// <summary>Who assists.</summary>
    public string? AssistantId { get; set; }

    /// <summary>Why it is held.</summary>
    public string? Reason { get; set; }

    /// <summary>The lapses that led to it.</summary>
    public List<Guid> LapseIds { get; set; } = [];

    /// <summary>When it is scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>Where.</summary>
    public string? Place { get; set; }

    /// <summary>Whether it is reported to the upper body.</summary>
    public bool ReportUpward { get; set; }

    /// <summary>The record of what was said.</summary>
    public string? Record { get; set; }

    /// <summary>When the record was entered.</summary>
    public DateTimeOffset? RecordedAt { get; set; }
}

/// <summary>The kinds of talk.</summary>
public enum TalkKind
{
    /// <summary>提醒谈话.</summary>
    Reminder,

    /// <summary>诫勉谈话.</summary>
    Admonition,

    /// <summary>廉政谈话.</summary>
    Integrity,
}

/// <summary>A commitment made in a talk, followed up by its date.</summary>
public sealed class TalkCommitment
{
    /// <summary>The commitment's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The talk.</summary>
    public Guid TalkId { get; set; }

    /// <summary>Its number in the talk, from 1.</summary>
    public int Number { get; set; }

    /// <summary>What was promised.</summary>
    public string Text { get; set; } = "";

    /// <summary>By when.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>When it was followed up (see the follow-up record).</summary>
    public DateTimeOffset? FollowedUpAt { get; set; }
}
