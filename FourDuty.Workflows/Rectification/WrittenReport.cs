using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>The written report (书面报告) on a feedback's rectification, produced from the records (Art. 14), not typed again.</summary>
public sealed class WrittenReport : DutyRecord
{
    /// <summary>The feedback reported on.</summary>
    public Guid FeedbackId { get; set; }

    /// <summary>E.g. 关于2026年区委巡察反馈意见整改情况的报告.</summary>
    public string Title { get; set; } = "";

    /// <summary>The report, plain text with numbered sections.</summary>
    public string Text { get; set; } = "";
}
