using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Lapses;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// A finding's rectification deadline passes without completion: the escalation ladder of the model, on the working days
/// of the calendar. The deadline is Wednesday 24 June 2026, 18:00; the Dragon Boat Festival (19–21 June) is not counted,
/// so the yellow reminder (5 working days before) falls on 16 June and the notice (2 before) on 22 June. At the deadline the
/// task is red in the owner's inbox, the first-responsible person and the discipline secretary are told, the lapse is
/// recorded with the instance and element it was missed in, the subject and the related subjects are told, and
/// gap-filling opens the supervising leader's follow-up. The discipline secretary comments on the lapse; the leader
/// rectifies late, and the lapse stays.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RectificationDeadlineScenarioTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Leader = "liu.vicepresident";

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task MissedRectificationDeadline_ClimbsTheLadderOnTheRightWorkingDays_RecordsTheLapse_AndStartsGapFilling(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store, start: "2026-06-01T09:00");
        var instance = await year.Engine.StartAsync("feedback-rectification", "审计反馈/2026");
        await year.Engine.RunDueWorkAsync();
        await year.CompleteAllAsync("enterFeedback", _ => new
        {
            source = "Audit", title = "2025年度财务收支审计反馈", receivedOn = "2026-06-01", findings = new object[] { new { text = "科研经费报销票据不全" } },
        }, user: "zhou.office");
        await year.CompleteAllAsync("specialMeeting", _ => new
        {
            meetingHeldOn = "2026-06-02",
            assignments = new object[] { new { finding = 1, subject = Leader, leader = Leader, department = "科研处", deadline = "2026-06-24" } },
        }, user: "zhou.office");
        var rectify = (await year.TasksAsync("rectify")).Single();
        rectify.Assignee.ShouldBe(Leader);

        // The deadline passes with nothing done; the morning after, the task is red in his inbox.
        await year.AdvanceToAsync("2026-06-25T09:00");
        using (var owner = year.Host.CreateClientFor(Leader))
        {
            var inbox = (await owner.GetFromJsonAsync<JsonObject>("/api/inbox"))!["tasks"]!.AsArray();
            inbox.Single(t => t!["id"]!.GetValue<string>() == rectify.Id.ToString())!["urgency"]!.GetValue<string>().ShouldBe("red");
        }

        var mails = year.Mails.Where(m => m.On >= D("2026-06-03")).ToList();
        foreach (var mail in mails)
        {
            output.WriteLine(mail.ToString());
        }

        var ladder = mails.Where(m => m.Subject.Contains("制定方案并整改", StringComparison.Ordinal)).ToList();
        // Yellow, 5 working days before (the festival not counted): the owner, with the link to his task.
        var reminder = ladder.Single(m => m.Subject.StartsWith("【到期提醒】", StringComparison.Ordinal));
        (reminder.To, reminder.On, reminder.HasLink).ShouldBe((Leader, D("2026-06-16"), true));
        (await LinkedTaskAsync(year, reminder)).ShouldBe(rectify.Id);
        // 2 working days before: the owner (with the link) and his supervising leader, the president (told, without one).
        ladder.Where(m => m.Subject.StartsWith("【临期预警】", StringComparison.Ordinal)).Select(m => (m.To, m.On, m.HasLink))
            .ShouldBe([(Leader, D("2026-06-22"), true), ("wang.president", D("2026-06-22"), false)], ignoreOrder: true);
        // At the deadline: the unit's first-responsible person and the discipline secretary.
        ladder.Where(m => m.Subject.StartsWith("【逾期通知】", StringComparison.Ordinal)).Select(m => (m.To, m.On))
            .ShouldBe([("li.secretary", D("2026-06-24")), ("zhao.discipline", D("2026-06-24"))], ignoreOrder: true);
        ladder.ShouldAllBe(m => m.Text.Contains("依据条款：第") && m.Text.Contains("办理期限：2026年6月24日"));
        // The lapse is told at once to the subject and the related subjects, under Art. 16; only the owner can act on it.
        var notices = mails.Where(m => m.Subject.StartsWith("【失责告知】", StringComparison.Ordinal)).ToList();
        notices.Select(m => (m.To, m.On)).ShouldBe(
            [(Leader, D("2026-06-24")), ("wang.president", D("2026-06-24")), ("li.secretary", D("2026-06-24")), ("zhao.discipline", D("2026-06-24"))],
            ignoreOrder: true);
        notices.ShouldAllBe(m => m.Text.Contains("第十六条") && m.Text.Contains("科研经费报销票据不全"));
        notices.Where(m => m.To != Leader).ShouldAllBe(m => !m.HasLink);
        // Gap-filling: the supervising leader gets the follow-up task, with its link.
        var followUp = (await year.TasksAsync("followUp")).Single();
        followUp.Assignee.ShouldBe("wang.president");
        var assigned = mails.Single(m => m.Subject.StartsWith("【待办任务】跟进纠偏", StringComparison.Ordinal));
        (assigned.To, assigned.On).ShouldBe(("wang.president", D("2026-06-24")));
        (await LinkedTaskAsync(year, assigned)).ShouldBe(followUp.Id);
        // Nobody else was mailed about it.
        mails.Select(m => m.To).Distinct().Order().ShouldBe(["li.secretary", Leader, "wang.president", "zhao.discipline"]);

        Lapse lapse;
        await using (var db = year.Db())
        {
            lapse = await db.Lapses.SingleAsync();
        }

        (lapse.SubjectId, lapse.PersonId, lapse.What, lapse.Article).ShouldBe((Leader, Leader, "整改问题：科研经费报销票据不全", "第十六条"));
        (lapse.MissedInstanceId, lapse.MissedElementId).ShouldBe((instance, "rectify"));
        lapse.DueAt.ShouldBe(CollegeYear.At("2026-06-24T18:00"));
        lapse.DoneLaterAt.ShouldBeNull();

        // The discipline secretary comments on the lapse and classifies it; the record itself does not change.
        using (var discipline = year.Host.CreateClientFor("zhao.discipline"))
        {
            var note = await discipline.PostAsJsonAsync($"/api/oversight/lapses/{lapse.Id}/annotations", new { text = "已督促刘洋同志三日内完成整改。", classification = "Unclassified" });
            note.StatusCode.ShouldBe(HttpStatusCode.OK, await note.Content.ReadAsStringAsync());
        }

        // He rectifies late; the supervising leader records what was done. The lapse stays, marked done later.
        await year.AdvanceToAsync("2026-06-26T10:00");
        await year.CompleteAsync((await year.TasksAsync("rectify")).Single(), new { measures = "补齐报销票据，建立科研经费报销台账", outcome = "已整改" });
        await year.CompleteAsync(followUp, new { actions = "已约见刘洋，督促补齐票据", outcome = "已完成" });
        await using (var db = year.Db())
        {
            var kept = await db.Lapses.SingleAsync();
            (kept.Id, kept.What, kept.DueAt).ShouldBe((lapse.Id, lapse.What, lapse.DueAt));
            kept.DoneLaterAt!.Value.ToOffset(CollegeYear.Zone).Date.ShouldBe(new DateTime(2026, 6, 26));
            (await db.LapseAnnotations.CountAsync(a => a.LapseId == lapse.Id)).ShouldBe(1);
            (await db.FollowUps.CountAsync(f => f.LapseId == lapse.Id)).ShouldBe(1);
        }

        (await year.Engine.Queries.GetInstanceAsync(instance))!.Instance.Status.ShouldBe(InstanceStatus.Active, "on to verification");
        (await year.Engine.Queries.ListIncidentsAsync(null)).ShouldBeEmpty();
    }

    // The task a mailed link opens, read as the task page reads it (GET /t/{token}/task).
    private static async Task<Guid> LinkedTaskAsync(CollegeYear year, CollegeYear.Mail mail)
    {
        var path = new Uri(TaskPageScraping.TaskLinkIn(mail.Text)).AbsolutePath;
        using var anonymous = year.Host.CreateClient();
        var answer = (await anonymous.GetFromJsonAsync<JsonObject>(path + "/task"))!;
        return Guid.Parse(answer["task"]!["id"]!.GetValue<string>());
    }

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
