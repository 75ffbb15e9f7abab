using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Assessment;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// Scenario 1: the seeded college's annual list cycle from January to December, with two subjects late. The 副院长
/// 何静 (he.vicepresident) submits her lists late and misses a quarterly self-assessment; the student branch
/// (feng.branch) submits its lists late. The ladder's mails reach the right people on the right working days (the
/// Spring Festival make-up Saturday and the Qingming holiday counted as the calendar says), lapses are recorded,
/// follow-ups happen, the second lapse opens a reminder talk with its invitation, and the year closes with the duty
/// reports, their evaluations and the committee's summary.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AnnualCycleScenarioTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task AnnualCycle_WarnsEscalatesAndRecordsTwoLateSubjects_OnTheRightWorkingDays_AndClosesTheYear(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store);
        await AnnualYear.RunAsync(year);

        var mails = year.Mails;
        foreach (var mail in mails)
        {
            output.WriteLine(mail.ToString());
        }

        var lists = mails.Where(m => m.Subject.Contains("认领项目并提交三张清单", StringComparison.Ordinal)).ToList();
        // Yellow: five working days before 3 March is 25 February; only the two late owners, each with the task's link.
        lists.Where(m => m.Subject.StartsWith("【到期提醒】", StringComparison.Ordinal)).Select(m => (m.To, m.On, m.HasLink))
            .ShouldBe([("feng.branch", D("2026-02-25"), true), ("he.vicepresident", D("2026-02-25"), true)], ignoreOrder: true);
        // Two working days before is the make-up Saturday 28 February: the owner and the supervising leader (who gets no link).
        lists.Where(m => m.Subject.StartsWith("【临期预警】", StringComparison.Ordinal)).Select(m => (m.To, m.On, m.HasLink))
            .ShouldBe([("feng.branch", D("2026-02-28"), true), ("chen.deputy", D("2026-02-28"), false),
                ("he.vicepresident", D("2026-02-28"), true), ("wang.president", D("2026-02-28"), false)], ignoreOrder: true);
        // Red at the deadline: the first-responsible person and the discipline secretary, once per late subject.
        lists.Where(m => m.Subject.StartsWith("【逾期通知】", StringComparison.Ordinal)).Select(m => (m.To, m.On))
            .ShouldBe([("li.secretary", D("2026-03-03")), ("zhao.discipline", D("2026-03-03")), ("li.secretary", D("2026-03-03")),
                ("zhao.discipline", D("2026-03-03"))], ignoreOrder: true);
        // The lapse is told at once to the subject and the related subjects, with the article.
        var notices = mails.Where(m => m.Subject.StartsWith("【失责告知】", StringComparison.Ordinal)).ToList();
        notices.Where(m => m.Subject.Contains("何静", StringComparison.Ordinal) && m.On == D("2026-03-03")).Select(m => m.To)
            .ShouldBe(["he.vicepresident", "wang.president", "li.secretary", "zhao.discipline"], ignoreOrder: true);
        notices.Where(m => m.Subject.Contains("学生党支部", StringComparison.Ordinal)).Select(m => (m.To, m.On))
            .ShouldBe([("feng.branch", D("2026-03-03")), ("chen.deputy", D("2026-03-03")), ("li.secretary", D("2026-03-03")),
                ("zhao.discipline", D("2026-03-03"))], ignoreOrder: true);
        notices.ShouldAllBe(m => System.Text.RegularExpressions.Regex.IsMatch(m.Text, "第[一二三四五六七八九十]+条"));
        // Only the owner, who can still do the late work, gets its link; the related subjects are told.
        notices.Where(m => m.To is not (AnnualYear.LateBranch or AnnualYear.LateMember)).ShouldAllBe(m => !m.HasLink);
        // The quarterly self-assessment: due 15 April (Qingming, 4–6 April, not counted); yellow on 8 April, due-soon on 13 April.
        var selfAssessment = mails.Where(m => m.Subject.Contains("季度自评", StringComparison.Ordinal) && m.To == "he.vicepresident").ToList();
        selfAssessment.Single(m => m.Subject.StartsWith("【到期提醒】", StringComparison.Ordinal)).On.ShouldBe(D("2026-04-08"));
        selfAssessment.Single(m => m.Subject.StartsWith("【临期预警】", StringComparison.Ordinal)).On.ShouldBe(D("2026-04-13"));
        notices.Where(m => m.On == D("2026-04-15")).Select(m => m.To).ShouldBe(["he.vicepresident", "wang.president", "li.secretary", "zhao.discipline"], ignoreOrder: true);
        // The second lapse opened a reminder talk: the Party secretary schedules it, holder, assistant and subject are invited.
        mails.Single(m => m.Subject.StartsWith("【待办任务】安排约谈时间和地点", StringComparison.Ordinal)).ShouldSatisfyAllConditions(
            m => m.To.ShouldBe("li.secretary"), m => m.On.ShouldBe(D("2026-04-15")), m => m.HasLink.ShouldBeTrue());
        mails.Where(m => m.HasInvitation).Select(m => (m.To, m.On))
            .ShouldBe([("li.secretary", D("2026-04-16")), ("zhao.discipline", D("2026-04-16")), ("he.vicepresident", D("2026-04-16"))], ignoreOrder: true);
        mails.Where(m => m.HasInvitation).ShouldAllBe(m => m.Subject == "【约谈通知】提醒谈话：2026年4月22日 10:00，党委会议室");
        // Nobody else was reminded, warned or told of a lapse all year.
        mails.Where(m => m.Subject.StartsWith("【到期提醒】", StringComparison.Ordinal) || m.Subject.StartsWith("【临期预警】", StringComparison.Ordinal))
            .Select(m => m.To).Distinct().Order().ShouldBe(["chen.deputy", "feng.branch", "he.vicepresident", "wang.president"]);
        // Each person in his or her language: 吴涛 reads English.
        mails.Where(m => m.To == "wu.vicepresident").ShouldAllBe(m => !m.Subject.Contains('【'));
        // Every ladder mail says what is due, by when and under which article; the late owner's carries the one-click link.
        var ladder = mails.Where(m => m.Subject.StartsWith("【到期提醒】", StringComparison.Ordinal) || m.Subject.StartsWith("【临期预警】", StringComparison.Ordinal)
            || m.Subject.StartsWith("【逾期通知】", StringComparison.Ordinal)).ToList();
        ladder.Count.ShouldBeGreaterThan(10);
        ladder.ShouldAllBe(m => m.Text.Contains("任务名称：") && m.Text.Contains("依据条款：第") && m.Text.Contains("办理期限：2026"));
        ladder.Where(m => m.To == AnnualYear.LateBranch || m.To == AnnualYear.LateMember).ShouldAllBe(m => m.HasLink);
        // 吴涛's task mails, in English, say the same: the task, the article, the deadline, and the link.
        var english = mails.Where(m => m.To == "wu.vicepresident").ToList();
        english.ShouldNotBeEmpty();
        english.ShouldAllBe(m => m.Text.Contains("Task: ") && m.Text.Contains("Article: ") && m.Text.Contains("Deadline: ") && m.HasLink);
        // The talk's commitment is followed up on its date (29 May) by the assistant, who gets the task with its link.
        mails.Single(m => m.Subject.StartsWith("【待办任务】跟进承诺落实", StringComparison.Ordinal)).ShouldSatisfyAllConditions(
            m => m.To.ShouldBe("zhao.discipline"), m => m.On.ShouldBe(D("2026-05-29")), m => m.HasLink.ShouldBeTrue());

        var annualId = (await year.Engine.Queries.ListInstancesAsync(new(DefinitionKey: "annual-list-cycle"))).Single().Id;
        foreach (var h in (await year.Engine.Queries.GetHistoryAsync(annualId)).Where(h => h.ElementId is "eachQuarter" or "quarterOf" or "analysisMeeting" or "duringYear" or "yearEndNear" || h.Type.ToString().Contains("Incident")))
        {
            output.WriteLine($"H {h.At:O} {h.Type} {h.ElementId} {h.Details}");
        }

        await using var db = year.Db();
        var lapses = await db.Lapses.OrderBy(l => l.DueAt).ToListAsync();
        lapses.Select(l => (l.SubjectId, l.What, l.PersonId)).ShouldBe(
        [
            ("branch-students", "认领项目并提交三张清单", "feng.branch"), ("he.vicepresident", "认领项目并提交三张清单", "he.vicepresident"),
            ("he.vicepresident", "季度自评", "he.vicepresident"),
        ], ignoreOrder: true);
        lapses.ShouldAllBe(l => l.Article != null);
        // Each lapse names the instance and the task it was missed in (the model hands on ${execution.processInstanceId}),
        // and, the work being done late, says when: the lapse stays.
        lapses.ShouldAllBe(l => l.MissedInstanceId == annualId);
        lapses.Select(l => l.MissedElementId).ShouldBe(["submitLists", "submitLists", "selfAssess"], ignoreOrder: true);
        lapses.Select(l => l.DoneLaterAt?.ToOffset(CollegeYear.Zone).Date).ShouldBe(
            [new DateTime(2026, 3, 4), new DateTime(2026, 3, 4), new DateTime(2026, 4, 16)], ignoreOrder: true);
        (await db.FollowUps.CountAsync(f => f.LapseId != null)).ShouldBe(3);
        (await db.FollowUps.CountAsync(f => f.CommitmentId != null)).ShouldBe(1);
        var talk = await db.Talks.SingleAsync();
        (talk.SubjectId, talk.HolderId, talk.AssistantId, talk.ReportUpward).ShouldBe(("he.vicepresident", "li.secretary", "zhao.discipline", false));
        talk.Record.ShouldNotBeNull();
        (await db.Commitments.SingleAsync()).FollowedUpAt.ShouldNotBeNull();
        (await db.Assessments.OfType<AnalysisMeeting>().Select(a => a.Period).ToListAsync()).Order().ShouldBe(["2026-Q1", "2026-Q2", "2026-Q3"]);
        (await db.Assessments.OfType<SelfAssessment>().CountAsync()).ShouldBe((12 * 3) + 1);
        var reports = await db.Assessments.OfType<DutyReport>().ToListAsync();
        reports.Count.ShouldBe(7);
        reports.ShouldAllBe(r => r.Evaluation == "好" && r.Summary != null);
        var summary = await db.Assessments.OfType<CommitteeSummary>().SingleAsync();
        summary.Summary.ShouldBe("党委全年履行主体责任情况总结。");
        summary.Period.ShouldBe("2026");
        (await db.ListItems.Select(i => i.SubjectId).Distinct().CountAsync()).ShouldBe(12);
        var annual = (await year.Engine.Queries.ListInstancesAsync(new(DefinitionKey: "annual-list-cycle"))).Single();
        annual.Status.ShouldBe(InstanceStatus.Completed);
        (await year.Engine.Queries.ListIncidentsAsync(null)).ShouldBeEmpty();
    }

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
