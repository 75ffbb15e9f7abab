using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Talks;

namespace FourDuty.Workflows.Oversight;

/// <summary>What the dashboard asks for: a year, and optionally one subject, one portfolio area, one process.</summary>
/// <param name="Year">The duty year.</param>
/// <param name="SubjectId">Only this subject.</param>
/// <param name="Area">Only items and findings of this portfolio area (分管领域), and the subjects they belong to.</param>
/// <param name="Process">Only this process's part: <c>annual</c>, <c>rectification</c>, <c>gapfill</c> or <c>talk</c>; null for all.</param>
public sealed record DashboardFilter(int Year, string? SubjectId = null, string? Area = null, string? Process = null)
{
    /// <summary>The process names <see cref="Process"/> accepts.</summary>
    public static IReadOnlyList<string> Processes { get; } = ["annual", "rectification", "gapfill", "talk"];

    internal bool Shows(string process) => Process is null || Process == process;
}

/// <summary>The dashboard of a year (Art. 14, 24, 26, 27): subjects in the organisation's order, never ranked.</summary>
/// <param name="Year">The duty year.</param>
/// <param name="Today">The day it was computed for, in the service's time zone.</param>
/// <param name="DueSoonDays">The threshold of <see cref="AlertRule"/> it used.</param>
/// <param name="Subjects">Each subject's colour and counts.</param>
/// <param name="Cycle">The annual cycle's state, or null when another process was asked for.</param>
/// <param name="Rectification">Progress per feedback.</param>
/// <param name="Lapses">The year's lapses with their classification.</param>
/// <param name="Talks">The year's reminder talks, held and pending, with their commitments.</param>
/// <param name="Months">Counts by month, for charts.</param>
public sealed record DashboardView(
    int Year,
    DateOnly Today,
    int DueSoonDays,
    IReadOnlyList<SubjectStatus> Subjects,
    CycleState? Cycle,
    IReadOnlyList<FeedbackProgress> Rectification,
    IReadOnlyList<LapseSummary> Lapses,
    IReadOnlyList<TalkSummary> Talks,
    IReadOnlyList<MonthCounts> Months);

/// <summary>One subject on the dashboard.</summary>
/// <param name="SubjectId">Its id.</param>
/// <param name="Name">As pages show it.</param>
/// <param name="Kind">Which of the four duties.</param>
/// <param name="Alert">Its colour under <see cref="AlertRule"/>.</param>
/// <param name="Items">Its list items.</param>
/// <param name="Findings">Its findings of the year's feedback.</param>
/// <param name="Lapses">Its lapses of the year.</param>
/// <param name="LapsesUnclassified">Of them, not yet weighed under the three distinctions.</param>
/// <param name="TalksHeld">Talks with it held (recorded).</param>
/// <param name="TalksPending">Talks with it not yet recorded.</param>
/// <param name="Cycle">Its part of the annual cycle.</param>
/// <param name="Attention">Its open work due soon or late, worst first, then by date.</param>
public sealed record SubjectStatus(
    string SubjectId,
    string Name,
    DutyKind Kind,
    AlertLevel Alert,
    WorkCounts Items,
    WorkCounts Findings,
    int Lapses,
    int LapsesUnclassified,
    int TalksHeld,
    int TalksPending,
    SubjectCycle? Cycle,
    IReadOnlyList<OpenWork> Attention);

/// <summary>Counts of items or findings.</summary>
/// <param name="Total">All.</param>
/// <param name="Done">Done (items), or verified or closed (findings).</param>
/// <param name="Open">Not done.</param>
/// <param name="DueSoon">Open and due within the threshold (yellow).</param>
/// <param name="Overdue">Open and past their date (red).</param>
public sealed record WorkCounts(int Total, int Done, int Open, int DueSoon, int Overdue);

/// <summary>A piece of open work that colours its subject.</summary>
/// <param name="Id">The list item's or finding's id.</param>
/// <param name="Kind"><c>item</c> or <c>finding</c>.</param>
/// <param name="Title">What it is.</param>
/// <param name="DueOn">Its date.</param>
/// <param name="Alert">Yellow or red.</param>
public sealed record OpenWork(Guid Id, string Kind, string Title, DateOnly? DueOn, AlertLevel Alert);

/// <summary>A subject's part of the annual cycle.</summary>
/// <param name="ListsIn">Its three lists are submitted (it has items this year).</param>
/// <param name="SelfAssessments">The periods it self-assessed, e.g. <c>2026-Q1</c>.</param>
/// <param name="SelfAssessmentsDue">Quarters that have ended without its self-assessment.</param>
/// <param name="DutyReportIn">Its year-end duty report (述责述廉) is in.</param>
/// <param name="DutyReportDue">The report is due (from 1 December) and not in.</param>
public sealed record SubjectCycle(bool ListsIn, IReadOnlyList<string> SelfAssessments, IReadOnlyList<string> SelfAssessmentsDue, bool DutyReportIn, bool DutyReportDue);

/// <summary>The annual cycle of the year as a whole.</summary>
/// <param name="ProjectItems">Items on the project list (not withdrawn).</param>
/// <param name="ProjectItemsClaimed">Of them, claimed by at least one subject.</param>
/// <param name="SubjectsWithLists">Subjects whose lists are in.</param>
/// <param name="SubjectsWithoutLists">Subjects whose lists are not in, by id, in the organisation's order.</param>
/// <param name="AnalysisMeetings">The periods of analysis meetings held.</param>
/// <param name="CommitteeSummaryIn">The committee's year-end summary is in.</param>
public sealed record CycleState(int ProjectItems, int ProjectItemsClaimed, int SubjectsWithLists, IReadOnlyList<string> SubjectsWithoutLists,
    IReadOnlyList<string> AnalysisMeetings, bool CommitteeSummaryIn);

/// <summary>Rectification progress of one feedback: its findings by state.</summary>
/// <param name="FeedbackId">The feedback.</param>
/// <param name="Title">Its title.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="ReceivedOn">When it arrived.</param>
/// <param name="Findings">All its findings (in the filter).</param>
/// <param name="Open">Recorded or assigned, not yet submitted.</param>
/// <param name="Submitted">Awaiting verification.</param>
/// <param name="SentBack">Sent back by the discipline secretary.</param>
/// <param name="Verified">Verified, awaiting close-out.</param>
/// <param name="Closed">Closed out (销号).</param>
/// <param name="Overdue">Not verified or closed, past their deadline.</param>
/// <param name="ReportWritten">The written report is produced.</param>
public sealed record FeedbackProgress(Guid FeedbackId, string Title, FeedbackSource Source, DateOnly ReceivedOn, int Findings, int Open, int Submitted,
    int SentBack, int Verified, int Closed, int Overdue, bool ReportWritten);

/// <summary>A lapse on the dashboard.</summary>
/// <param name="Id">The lapse.</param>
/// <param name="SubjectId">Whose.</param>
/// <param name="PersonId">Who held the task.</param>
/// <param name="What">What was missed.</param>
/// <param name="DueAt">The deadline missed.</param>
/// <param name="DoneLaterAt">When the work was done after all.</param>
/// <param name="Class">Its classification.</param>
/// <param name="Annotations">How many notes it carries.</param>
/// <param name="MissedInstanceId">The instance the missed task ran in, to open it from the lapse.</param>
/// <param name="MissedElementId">The missed task's element id.</param>
public sealed record LapseSummary(Guid Id, string SubjectId, string? PersonId, string What, DateTimeOffset DueAt, DateTimeOffset? DoneLaterAt, LapseClass Class,
    int Annotations, Guid? MissedInstanceId = null, string? MissedElementId = null);

/// <summary>A reminder talk on the dashboard.</summary>
/// <param name="Id">The talk.</param>
/// <param name="SubjectId">The subject concerned.</param>
/// <param name="PersonId">Who was talked with.</param>
/// <param name="Kind">What kind of talk.</param>
/// <param name="HolderId">Who holds it.</param>
/// <param name="ScheduledAt">When.</param>
/// <param name="Held">Its record is in.</param>
/// <param name="ReportUpward">Reported to the upper body.</param>
/// <param name="Commitments">The commitments made.</param>
public sealed record TalkSummary(Guid Id, string SubjectId, string PersonId, TalkKind Kind, string HolderId, DateTimeOffset? ScheduledAt, bool Held,
    bool ReportUpward, IReadOnlyList<CommitmentSummary> Commitments);

/// <summary>A talk's commitment.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Text">What was promised.</param>
/// <param name="DueOn">By when.</param>
/// <param name="FollowedUpAt">When it was followed up, if it was.</param>
public sealed record CommitmentSummary(int Number, string Text, DateOnly? DueOn, DateTimeOffset? FollowedUpAt);

/// <summary>One month's counts, for charts.</summary>
/// <param name="Month">1 to 12.</param>
/// <param name="ItemsDue">List items due in the month.</param>
/// <param name="ItemsDueOpen">Of them, still open.</param>
/// <param name="FindingsDue">Findings due in the month.</param>
/// <param name="FindingsClosed">Findings closed out in the month.</param>
/// <param name="Lapses">Deadlines missed in the month.</param>
/// <param name="TalksHeld">Talks recorded in the month.</param>
public sealed record MonthCounts(int Month, int ItemsDue, int ItemsDueOpen, int FindingsDue, int FindingsClosed, int Lapses, int TalksHeld);
