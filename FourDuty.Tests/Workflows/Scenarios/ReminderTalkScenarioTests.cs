using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// A reminder talk the office opens by hand for a serious lapse of a principal leader (the president, 王华): the holder
/// comes from cadre-management authority (the Party secretary, the discipline secretary assisting), the invitations go
/// to holder, assistant and subject, the talk is reported upward to the district, and the commitment is followed up on
/// its date.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReminderTalkScenarioTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ReminderTalk_WithAPrincipalLeader_IsReportedUpward_AndItsCommitmentFollowedUpOnItsDate(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store, start: "2026-09-07T09:00");
        var instance = await year.Engine.StartAsync("reminder-talk", "约谈/王华/2026", Scenario.Variables(new
        {
            subjectId = "wang.president", talkKind = "提醒谈话", reason = "学生资助专项检查发现严重问题，未及时整改",
        }));
        await year.Engine.RunDueWorkAsync();

        var schedule = (await year.TasksAsync("scheduleTalk")).Single();
        schedule.Assignee.ShouldBe("li.secretary", "the Party secretary holds talks with the president");
        await year.CompleteAsync(schedule, new { talkAt = "2026-09-10T15:00+08:00", talkLocation = "党委会议室" });
        await year.AdvanceToAsync("2026-09-10T16:00");
        await year.CompleteAllAsync("holdTalk", _ => new
        {
            record = "指出专项检查发现的问题，本人表示接受并立即整改。",
            commitments = new object[] { new { text = "一个月内完成资助公示整改", dueOn = "2026-10-12" } },
        });
        await year.AdvanceToAsync("2026-10-12T10:00");
        var follow = (await year.TasksAsync("followCommitment")).Single();
        follow.Assignee.ShouldBe("zhao.discipline");
        await year.CompleteAsync(follow, new { actions = "已核实公示整改到位", outcome = "已完成" });

        var mails = year.Mails;
        mails.Where(m => m.HasInvitation).Select(m => (m.To, m.On))
            .ShouldBe([("li.secretary", D("2026-09-07")), ("zhao.discipline", D("2026-09-07")), ("wang.president", D("2026-09-07"))], ignoreOrder: true);
        var report = mails.Where(m => m.To == "qian.district").ShouldHaveSingleItem();
        report.On.ShouldBe(D("2026-09-10"));
        report.Text.ShouldContain("王华");
        report.HasLink.ShouldBeFalse("the upper body is told, it has nothing to do here");
        mails.Single(m => m.Subject.StartsWith("【待办任务】跟进承诺落实", StringComparison.Ordinal)).On.ShouldBe(D("2026-10-12"));
        await using var db = year.Db();
        var talk = await db.Talks.SingleAsync();
        (talk.SubjectId, talk.HolderId, talk.AssistantId, talk.ReportUpward).ShouldBe(("wang.president", "li.secretary", "zhao.discipline", true));
        (await db.Commitments.SingleAsync()).FollowedUpAt.ShouldNotBeNull();
        (await year.Engine.Queries.GetInstanceAsync(instance))!.Instance.Status.ShouldBe(InstanceStatus.Completed);
        (await year.Engine.Queries.ListIncidentsAsync(null)).ShouldBeEmpty();
    }

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
