using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>
/// One finding (问题) of a feedback: split to a subject at the special meeting with a responsible leader, a department
/// and a deadline; rectified, verified by the discipline secretary, and closed out (销号) with two sign-offs.
/// </summary>
public sealed class Finding : DutyRecord
{
    /// <summary>The feedback it belongs to.</summary>
    public Guid FeedbackId { get; set; }

    /// <summary>Its number in the feedback, from 1.</summary>
    public int Number { get; set; }

    /// <summary>What was found.</summary>
    public string Text { get; set; } = "";

    /// <summary>The subject it is assigned to.</summary>
    public string? SubjectId { get; set; }

    /// <summary>The responsible leader (领题).</summary>
    public string? LeaderId { get; set; }

    /// <summary>The department that rectifies (落实整改).</summary>
    public string? Department { get; set; }

    /// <summary>The portfolio area it falls in.</summary>
    public string? Area { get; set; }

    /// <summary>The deadline.</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>Where it stands.</summary>
    public FindingState State { get; set; }

    /// <summary>When the discipline secretary accepted it.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>When it was closed out (both sign-offs present).</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>Where a finding stands.</summary>
public enum FindingState
{
    /// <summary>Recorded with its feedback.</summary>
    Recorded,

    /// <summary>Split to a subject with a deadline.</summary>
    Assigned,

    /// <summary>Rectification submitted, awaiting verification.</summary>
    Submitted,

    /// <summary>Sent back by the discipline secretary with a reason.</summary>
    Rejected,

    /// <summary>Accepted by the discipline secretary; awaiting close-out.</summary>
    Verified,

    /// <summary>Closed out (销号) with both sign-offs.</summary>
    Closed,
}
