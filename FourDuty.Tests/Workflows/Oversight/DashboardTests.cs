using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Oversight;
using FourDuty.Workflows.Rectification;

namespace FourDuty.Tests.Workflows.Oversight;

/// <summary>The dashboard read from a year of records written by the handlers, on both databases.</summary>
public sealed class DashboardTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ForAsync_ColoursEachSubjectByTheRule_AndCountsWhatTheRecordsSay(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        var year = await OversightYear.WriteAsync(host);

        var view = await host.Get<Dashboard>().ForAsync(new DashboardFilter(2026));

        view.Today.ShouldBe(new DateOnly(2026, 6, 20));
        view.Subjects.Select(s => s.SubjectId).ShouldBe(host.Get<FourDuty.Workflows.Organization.PeopleDirectory>().Current.Subjects.Select(s => s.Id),
            "subjects in the organisation's order, never sorted by a count");
        var chen = view.Subjects.Single(s => s.SubjectId == "chen.deputy");
        chen.Alert.ShouldBe(AlertLevel.Red);
        chen.Items.ShouldBe(new WorkCounts(Total: 3, Done: 0, Open: 3, DueSoon: 1, Overdue: 1));
        chen.Attention.Select(a => (a.Title, a.Alert)).ShouldBe([("意识形态工作责任制落实", AlertLevel.Red), ("学生党员发展质量检查", AlertLevel.Yellow)]);
        chen.Cycle!.ListsIn.ShouldBeTrue();
        chen.Cycle.SelfAssessments.ShouldBe(["2026-Q1"]);
        chen.Cycle.SelfAssessmentsDue.ShouldBeEmpty();
        var wu = view.Subjects.Single(s => s.SubjectId == "wu.vicepresident");
        wu.Alert.ShouldBe(AlertLevel.Green);
        wu.Items.ShouldBe(new WorkCounts(2, 1, 1, 0, 0));
        wu.Cycle!.SelfAssessmentsDue.ShouldBe(["2026-Q1"]);
        (wu.Lapses, wu.LapsesUnclassified, wu.TalksHeld, wu.TalksPending).ShouldBe((1, 1, 1, 0));
        view.Subjects.Single(s => s.SubjectId == "branch-students").Alert.ShouldBe(AlertLevel.Red, "its finding is past its deadline");
        view.Subjects.Single(s => s.SubjectId == "liu.vicepresident").Findings.ShouldBe(new WorkCounts(1, 1, 0, 0, 0));
        view.Subjects.Single(s => s.SubjectId == "he.vicepresident").Alert.ShouldBe(AlertLevel.Green);

        var feedback = view.Rectification.Single();
        (feedback.Title, feedback.Findings, feedback.Open, feedback.Closed, feedback.Overdue, feedback.ReportWritten)
            .ShouldBe((OversightYear.FeedbackTitle, 2, 1, 1, 1, false));
        view.Cycle!.SubjectsWithLists.ShouldBe(2);
        view.Cycle.SubjectsWithoutLists.ShouldContain("he.vicepresident");
        view.Lapses.Select(l => l.What).ShouldBe(["提交三张清单", "第一季度自评"]);
        var talk = view.Talks.Single();
        (talk.SubjectId, talk.Held, talk.HolderId).ShouldBe(("wu.vicepresident", true, "li.secretary"));
        talk.Commitments.Single().Text.ShouldBe("两周内补交自评并建立提醒机制");
        view.Months[5].ShouldBe(new MonthCounts(6, ItemsDue: 2, ItemsDueOpen: 2, FindingsDue: 2, FindingsClosed: 1, Lapses: 0, TalksHeld: 1));
        view.Months[3].Lapses.ShouldBe(1);
        view.Months[2].Lapses.ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ForAsync_ShowsOnlyTheAskedSubjectAreaAndProcess(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        await OversightYear.WriteAsync(host);
        var dashboard = host.Get<Dashboard>();

        var one = await dashboard.ForAsync(new DashboardFilter(2026, SubjectId: "chen.deputy"));
        one.Subjects.Single().SubjectId.ShouldBe("chen.deputy");
        one.Rectification.ShouldBeEmpty("chen.deputy has no finding");

        var area = await dashboard.ForAsync(new DashboardFilter(2026, Area: "财务资产"));
        area.Subjects.Select(s => s.SubjectId).ShouldContain("liu.vicepresident");
        area.Subjects.ShouldNotContain(s => s.SubjectId == "chen.deputy");
        area.Rectification.Single().Findings.ShouldBe(1);

        var talks = await dashboard.ForAsync(new DashboardFilter(2026, Process: "talk"));
        talks.Cycle.ShouldBeNull();
        talks.Rectification.ShouldBeEmpty();
        talks.Talks.ShouldHaveSingleItem();
        talks.Subjects.ShouldAllBe(s => s.Items.Total == 0);

        (await dashboard.ForAsync(new DashboardFilter(2025))).Subjects.ShouldAllBe(s => s.Alert == AlertLevel.Green && s.Items.Total == 0);
    }

    [Theory]
    [InlineData("2026-06-19", true, AlertLevel.Red)]
    [InlineData("2026-06-20", true, AlertLevel.Yellow)]
    [InlineData("2026-06-26", true, AlertLevel.Yellow)]
    [InlineData("2026-06-27", true, AlertLevel.Green)]
    [InlineData("2026-06-01", false, AlertLevel.Green)]
    public void LevelOf_IsRedWhenOpenAndLate_YellowWithinTheThreshold(string due, bool open, AlertLevel expected) =>
        new AlertRule { DueSoonDays = 7 }.LevelOf(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), open, new DateOnly(2026, 6, 20)).ShouldBe(expected);

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task AnnotateAsync_KeepsTheLapseAndEveryEarlierNote_AndTheLatestClassificationCounts(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        var year = await OversightYear.WriteAsync(host);
        var review = host.Get<LapseReview>();
        var id = Guid.Parse(year.WuLapseId);
        var before = (await review.ReadAsync(id))!.Lapse;

        await review.AnnotateAsync(id, "zhou.office", "本人说明：自评材料已在4月20日补交。", null);
        host.Clock.MoveTo(OversightYear.Today.AddDays(1));
        var history = (await review.AnnotateAsync(id, "zhao.discipline", "经核实属为推动发展的无意过失，予以容错。", LapseClass.UnintendedSlip))!;

        history.Lapse.Class.ShouldBe(LapseClass.UnintendedSlip);
        (history.Lapse.What, history.Lapse.DueAt, history.Lapse.CreatedAt, history.Lapse.SubjectId).ShouldBe((before.What, before.DueAt, before.CreatedAt, before.SubjectId));
        history.Annotations.Select(a => (a.By, a.Class)).ShouldBe([("zhou.office", (LapseClass?)null), ("zhao.discipline", LapseClass.UnintendedSlip)]);
        var summary = (await host.Get<Dashboard>().ForAsync(new DashboardFilter(2026))).Lapses.Single(l => l.Id == id);
        summary.Annotations.ShouldBe(2);
        (summary.MissedInstanceId, summary.MissedElementId).ShouldBe(((Guid?)OversightYear.MissedInstance, "selfAssess"), "the lapse opens the instance it was missed in");
        (await review.AnnotateAsync(Guid.NewGuid(), "zhao.discipline", "无此记录", null)).ShouldBeNull();
        await Should.ThrowAsync<ArgumentException>(() => review.AnnotateAsync(id, "zhao.discipline", "  ", null));
    }
}
