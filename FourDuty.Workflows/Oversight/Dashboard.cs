using FourDuty.Engine.Runtime;
using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Oversight;

/// <summary>
/// Builds the dashboard of a year from the records the four processes wrote (nothing is entered for it): each subject's
/// colour and counts, the annual cycle, rectification per feedback, lapses, talks and monthly counts. Subjects come in
/// the organisation's order; nothing is sorted by a count, so nobody is ranked.
/// </summary>
public sealed class Dashboard(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory, AlertRule rule, EngineOptions engine, TimeProvider clock)
{
    /// <summary>The dashboard for <paramref name="filter"/>, as of now.</summary>
    public async Task<DashboardView> ForAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var year = filter.Year;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var org = directory.Current;

        // Few narrow queries, each one year's rows and only the columns used: a college's year is some thousands of rows.
        var items = filter.Shows("annual")
            ? await db.ListItems.AsNoTracking().Where(i => i.Year == year && (filter.SubjectId == null || i.SubjectId == filter.SubjectId)
                    && (filter.Area == null || i.Area == filter.Area))
                .Select(i => new ItemRow(i.Id, i.SubjectId, i.Title, i.DueOn, i.State)).ToListAsync(cancellationToken)
            : [];
        var feedback = filter.Shows("rectification")
            ? await db.Feedback.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.ReceivedOn).ThenBy(f => f.CreatedAt).ToListAsync(cancellationToken)
            : [];
        var feedbackIds = feedback.Select(f => f.Id).ToList();
        var findings = feedbackIds.Count == 0
            ? []
            : await db.Findings.AsNoTracking().Where(f => feedbackIds.Contains(f.FeedbackId) && (filter.SubjectId == null || f.SubjectId == filter.SubjectId)
                    && (filter.Area == null || f.Area == filter.Area))
                .Select(f => new FindingRow(f.Id, f.FeedbackId, f.SubjectId, f.Text, f.Deadline, f.State, f.ClosedAt)).ToListAsync(cancellationToken);
        var reported = feedbackIds.Count == 0
            ? []
            : await db.WrittenReports.AsNoTracking().Where(r => feedbackIds.Contains(r.FeedbackId)).Select(r => r.FeedbackId).Distinct().ToListAsync(cancellationToken);
        var lapses = filter.Shows("gapfill") || filter.Shows("talk")
            ? await db.Lapses.AsNoTracking().Where(l => l.Year == year && (filter.SubjectId == null || l.SubjectId == filter.SubjectId))
                .OrderBy(l => l.DueAt).ToListAsync(cancellationToken)
            : [];
        var lapseIds = lapses.Select(l => l.Id).ToList();
        var notes = lapseIds.Count == 0
            ? new Dictionary<Guid, int>()
            : await db.LapseAnnotations.AsNoTracking().Where(a => lapseIds.Contains(a.LapseId)).GroupBy(a => a.LapseId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var talks = filter.Shows("talk")
            ? await db.Talks.AsNoTracking().Where(t => t.Year == year && (filter.SubjectId == null || t.SubjectId == filter.SubjectId))
                .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken)
            : [];
        var talkIds = talks.Select(t => t.Id).ToList();
        var commitments = talkIds.Count == 0 ? [] : await db.Commitments.AsNoTracking().Where(c => talkIds.Contains(c.TalkId)).ToListAsync(cancellationToken);
        var assessments = filter.Shows("annual")
            ? await db.Assessments.AsNoTracking().Where(a => a.Year == year)
                .Select(a => new AssessmentRow(EF.Property<string>(a, "record"), a.SubjectId, a.Period)).ToListAsync(cancellationToken)
            : [];

        var subjects = org.Subjects.Where(s => filter.SubjectId == null || s.Id == filter.SubjectId)
            .Where(s => filter.Area == null || items.Any(i => i.SubjectId == s.Id) || findings.Any(f => f.SubjectId == s.Id)
                || org.Areas.Any(a => a.Name == filter.Area && a.LeaderId == s.OwnerId))
            .ToList();
        var cycle = filter.Shows("annual") ? await CycleAsync(db, year, subjects, items, assessments, cancellationToken) : null;
        var status = subjects.Select(s => Status(s, today, year, items, findings, lapses, talks, assessments, filter)).ToList();
        var progress = feedback.Select(f => Progress(f, findings.Where(x => x.FeedbackId == f.Id).ToList(), reported.Contains(f.Id), today))
            .Where(p => filter.SubjectId == null && filter.Area == null || p.Findings > 0).ToList();
        var lapseView = filter.Shows("gapfill")
            ? lapses.Select(l => new LapseSummary(l.Id, l.SubjectId, l.PersonId, l.What, l.DueAt, l.DoneLaterAt, l.Class, notes.GetValueOrDefault(l.Id),
                l.MissedInstanceId, l.MissedElementId)).ToList()
            : [];
        var talkView = talks.Select(t => new TalkSummary(t.Id, t.SubjectId, t.PersonId, t.Kind, t.HolderId, t.ScheduledAt, t.RecordedAt != null, t.ReportUpward,
            commitments.Where(c => c.TalkId == t.Id).OrderBy(c => c.Number).Select(c => new CommitmentSummary(c.Number, c.Text, c.DueOn, c.FollowedUpAt)).ToList())).ToList();
        var months = Enumerable.Range(1, 12).Select(m => new MonthCounts(
            m,
            items.Count(i => i.DueOn is { } d && d.Year == year && d.Month == m),
            items.Count(i => i.DueOn is { } d && d.Year == year && d.Month == m && i.State != ItemState.Done),
            findings.Count(f => f.Deadline is { } d && d.Year == year && d.Month == m),
            findings.Count(f => f.ClosedAt is { } c && InMonth(c, zone, year, m)),
            lapseView.Count(l => InMonth(l.DueAt, zone, year, m)),
            talks.Count(t => t.RecordedAt is { } r && InMonth(r, zone, year, m)))).ToList();
        return new DashboardView(year, today, rule.DueSoonDays, status, cycle, progress, lapseView, talkView, months);
    }

    private SubjectStatus Status(Subject subject, DateOnly today, int year, List<ItemRow> items, List<FindingRow> findings, List<Lapses.Lapse> lapses,
        List<Talks.ReminderTalk> talks, List<AssessmentRow> assessments, DashboardFilter filter)
    {
        var own = items.Where(i => i.SubjectId == subject.Id).ToList();
        var ownFindings = findings.Where(f => f.SubjectId == subject.Id).ToList();
        var work = own.Select(i => new OpenWork(i.Id, "item", i.Title, i.DueOn, rule.LevelOf(i.DueOn, i.State != ItemState.Done, today)))
            .Concat(ownFindings.Select(f => new OpenWork(f.Id, "finding", f.Text, f.Deadline, rule.LevelOf(f.Deadline, IsOpen(f.State), today))))
            .ToList();
        var ownLapses = lapses.Where(l => l.SubjectId == subject.Id).ToList();
        var ownTalks = talks.Where(t => t.SubjectId == subject.Id).ToList();
        SubjectCycle? cycle = null;
        if (filter.Shows("annual"))
        {
            var self = assessments.Where(a => a.Record == nameof(AssessmentKind.SelfAssessment) && a.SubjectId == subject.Id).Select(a => a.Period).Distinct().Order().ToList();
            var ended = Enumerable.Range(1, 4).Where(q => new DateOnly(year, q * 3, 1).AddMonths(1) <= today).Select(q => $"{year}-Q{q}");
            var reportIn = assessments.Any(a => a.Record == nameof(AssessmentKind.DutyReport) && a.SubjectId == subject.Id);
            cycle = new SubjectCycle(own.Count > 0, self, ended.Except(self).ToList(), reportIn, !reportIn && today >= new DateOnly(year, 12, 1));
        }

        return new SubjectStatus(subject.Id, subject.Name, subject.Kind, work.Select(w => w.Alert).DefaultIfEmpty(AlertLevel.Green).Max(),
            Counts(own.Select(i => (i.State == ItemState.Done, i.DueOn)), today),
            Counts(ownFindings.Select(f => (!IsOpen(f.State), f.Deadline)), today),
            ownLapses.Count, ownLapses.Count(l => l.Class == Lapses.LapseClass.Unclassified),
            ownTalks.Count(t => t.RecordedAt != null), ownTalks.Count(t => t.RecordedAt == null),
            cycle,
            work.Where(w => w.Alert != AlertLevel.Green).OrderByDescending(w => w.Alert).ThenBy(w => w.DueOn).ToList());
    }

    private WorkCounts Counts(IEnumerable<(bool Done, DateOnly? Due)> work, DateOnly today)
    {
        var list = work.ToList();
        var levels = list.Select(w => rule.LevelOf(w.Due, !w.Done, today)).ToList();
        return new WorkCounts(list.Count, list.Count(w => w.Done), list.Count(w => !w.Done), levels.Count(l => l == AlertLevel.Yellow), levels.Count(l => l == AlertLevel.Red));
    }

    private static FeedbackProgress Progress(Feedback feedback, List<FindingRow> findings, bool reported, DateOnly today) => new(
        feedback.Id, feedback.Title, feedback.Source, feedback.ReceivedOn, findings.Count,
        findings.Count(f => f.State is FindingState.Recorded or FindingState.Assigned),
        findings.Count(f => f.State == FindingState.Submitted),
        findings.Count(f => f.State == FindingState.Rejected),
        findings.Count(f => f.State == FindingState.Verified),
        findings.Count(f => f.State == FindingState.Closed),
        findings.Count(f => IsOpen(f.State) && f.Deadline < today),
        reported);

    private static async Task<CycleState> CycleAsync(DutyDbContext db, int year, List<Subject> subjects, List<ItemRow> items, List<AssessmentRow> assessments,
        CancellationToken cancellationToken)
    {
        var project = await db.ProjectItems.AsNoTracking().Where(p => p.Year == year && !p.Withdrawn).Select(p => p.Id).ToListAsync(cancellationToken);
        var claimed = await db.Claims.AsNoTracking().Where(c => c.Year == year).Select(c => c.ProjectItemId).Distinct().ToListAsync(cancellationToken);
        var withLists = items.Select(i => i.SubjectId).ToHashSet(StringComparer.Ordinal);
        return new CycleState(project.Count, project.Count(claimed.Contains), subjects.Count(s => withLists.Contains(s.Id)),
            subjects.Where(s => !withLists.Contains(s.Id)).Select(s => s.Id).ToList(),
            assessments.Where(a => a.Record == nameof(AssessmentKind.AnalysisMeeting)).Select(a => a.Period).Distinct().Order().ToList(),
            assessments.Any(a => a.Record == nameof(AssessmentKind.CommitteeSummary)));
    }

    /// <summary>A finding still to be worked on: not yet verified or closed.</summary>
    internal static bool IsOpen(FindingState state) => state is not (FindingState.Verified or FindingState.Closed);

    private static bool InMonth(DateTimeOffset instant, TimeZoneInfo zone, int year, int month)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.Year == year && local.Month == month;
    }

    private sealed record ItemRow(Guid Id, string SubjectId, string Title, DateOnly? DueOn, ItemState State);

    private sealed record FindingRow(Guid Id, Guid FeedbackId, string? SubjectId, string Text, DateOnly? Deadline, FindingState State, DateTimeOffset? ClosedAt);

    private sealed record AssessmentRow(string Record, string? SubjectId, string Period);
}
