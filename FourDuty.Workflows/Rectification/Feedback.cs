using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>Feedback (反馈意见) from an inspection, patrol, check or audit, with its findings (Art. 16, 25).</summary>
public sealed class Feedback : DutyRecord
{
    /// <summary>Where it came from.</summary>
    public FeedbackSource Source { get; set; }

    /// <summary>Its title, e.g. 2026年区委巡察反馈意见.</summary>
    public string Title { get; set; } = "";

    /// <summary>The day it was received (deadlines count from it).</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The duty year it falls in.</summary>
    public int Year { get; set; }
}

/// <summary>The sources of feedback.</summary>
public enum FeedbackSource
{
    /// <summary>巡视.</summary>
    InspectionTour,

    /// <summary>巡察.</summary>
    Patrol,

    /// <summary>督查.</summary>
    SupervisionCheck,

    /// <summary>审计.</summary>
    Audit,

    /// <summary>专项检查.</summary>
    SpecialCheck,
}
