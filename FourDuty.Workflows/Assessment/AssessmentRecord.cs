using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Assessment;

/// <summary>
/// A record of the "double closed loop" and of the year's end (Art. 19–21, 24): a subject's self-assessment, the
/// committee's analysis meeting, a member's duty report with its evaluation, the committee's summary. One per kind,
/// subject and period: a second submission for the same period updates it.
/// </summary>
public abstract class AssessmentRecord : DutyRecord
{
    /// <summary>The duty year.</summary>
    public int Year { get; set; }

    /// <summary>The subject, for a self-assessment or a duty report.</summary>
    public string? SubjectId { get; set; }

    /// <summary>The person who wrote or gave it, if known.</summary>
    public string? PersonId { get; set; }

    /// <summary>The period, e.g. <c>2026-Q1</c>, <c>2026-H1</c>, <c>2026</c>.</summary>
    public string Period { get; set; } = "";

    /// <summary>What it says.</summary>
    public string? Summary { get; set; }

    /// <summary>Problems found.</summary>
    public string? Problems { get; set; }

    /// <summary>What comes next.</summary>
    public string? NextSteps { get; set; }

    /// <summary>The day it was held or given.</summary>
    public DateOnly? HeldOn { get; set; }

    /// <summary>Which kind.</summary>
    public abstract AssessmentKind Kind { get; }
}

/// <summary>A subject's self-assessment (自评), linking project list, execution and result (Art. 24).</summary>
public sealed class SelfAssessment : AssessmentRecord
{
    /// <inheritdoc />
    public override AssessmentKind Kind => AssessmentKind.SelfAssessment;
}

/// <summary>The committee's periodic analysis of how the mechanism runs (阶段性分析, Art. 14, 24).</summary>
public sealed class AnalysisMeeting : AssessmentRecord
{
    /// <summary>Who attended (person ids).</summary>
    public List<string> Attendees { get; set; } = [];

    /// <inheritdoc />
    public override AssessmentKind Kind => AssessmentKind.AnalysisMeeting;
}

/// <summary>A year-end duty report (述责述廉, Art. 20, 21) with its evaluation.</summary>
public sealed class DutyReport : AssessmentRecord
{
    /// <summary>The evaluation by staff representatives (评议), e.g. 好, 较好, 一般, 差.</summary>
    public string? Evaluation { get; set; }

    /// <summary>Remarks of the evaluation.</summary>
    public string? EvaluationNotes { get; set; }

    /// <inheritdoc />
    public override AssessmentKind Kind => AssessmentKind.DutyReport;
}

/// <summary>The committee's year-end summary of its principal duty (Art. 20): what it wrote, and the facts of the year from the records.</summary>
public sealed class CommitteeSummary : AssessmentRecord
{
    /// <summary>The year's facts per subject, produced from the records (lists, lapses, talks, rectification); subjects in the organisation's order, never ranked.</summary>
    public string Facts { get; set; } = "";

    /// <inheritdoc />
    public override AssessmentKind Kind => AssessmentKind.CommitteeSummary;
}

/// <summary>The kinds of assessment record (the <c>record</c> property of <c>duty.saveAssessment</c>).</summary>
public enum AssessmentKind
{
    /// <summary>自评.</summary>
    SelfAssessment,

    /// <summary>阶段性分析.</summary>
    AnalysisMeeting,

    /// <summary>述责述廉.</summary>
    DutyReport,

    /// <summary>党委年度总结.</summary>
    CommitteeSummary,
}
