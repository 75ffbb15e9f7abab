using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary><c>duty.recordLapse</c>, <c>duty.recordFollowUp</c> and <c>duty.recordTalk</c>.</summary>
public sealed class LapseAndTalkHandlerTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task RecordLapse_RecordsAMissedDeadlineOnce_AndCountsTheSubjectsLapsesOfTheYear(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var missed = new { subjectId = "chen.deputy", taskName = "提交年度三张清单", dueAt = "2026-03-31T09:00:00Z", sourceInstanceId = Guid.NewGuid().ToString() };

        var first = await host.RunAsync("duty.recordLapse", missed);
        var again = await host.RunAsync("duty.recordLapse", missed);
        var second = await host.RunAsync("duty.recordLapse", missed with { taskName = "第一季度自评", dueAt = "2026-04-15T09:00:00Z" });

        again["lapseId"].Text().ShouldBe(first["lapseId"].Text());
        first["lapsesThisYear"]!.GetValue<double>().ShouldBe(1);
        second["lapsesThisYear"]!.GetValue<double>().ShouldBe(2);
        await using var db = host.Db();
        var lapse = await db.Lapses.SingleAsync(l => l.What == "提交年度三张清单");
        lapse.PersonId.ShouldBe("chen.deputy");
        lapse.Year.ShouldBe(2026);
        lapse.Class.ShouldBe(LapseClass.Unclassified);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Lapses_CannotBeDeletedOrRewritten_ButCanBeClassified(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        await host.RunAsync("duty.recordLapse", new { subjectId = "branch-admin", taskName = "报送支部自评", dueAt = "2026-07-10T09:00:00Z" });
        await using var db = host.Db();

        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(store == TestStore.Postgres ? "DELETE FROM duty.lapses" : "DELETE FROM lapses")))
            .ToString().ShouldContain("DUTY-LAPSE-KEPT");
        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(store == TestStore.Postgres ? "UPDATE duty.lapses SET what = 'x'" : "UPDATE lapses SET what = 'x'")))
            .ToString().ShouldContain("DUTY-LAPSE-KEPT");
        var lapse = await db.Lapses.SingleAsync();
        lapse.Class = LapseClass.UnintendedSlip;
        await db.SaveChangesAsync();

        await using var fresh = host.Db();
        (await fresh.Lapses.SingleAsync()).Class.ShouldBe(LapseClass.UnintendedSlip);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task FollowUpAndTalk_RecordWhatWasDone_AndEachCommitmentFollowedUp(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var lapse = (await host.RunAsync("duty.recordLapse", new { subjectId = "wu.vicepresident", taskName = "提交年度三张清单", dueAt = "2026-03-31T09:00:00Z" }))["lapseId"].Text();
        await host.RunAsync("duty.recordFollowUp", new { lapseId = lapse, actions = "当面督促，已于次日补交", followedUpBy = "wang.president" });

        var opened = await host.RunAsync("duty.recordTalk", new { subjectId = "wu.vicepresident", lapseId = lapse, talkKind = "提醒谈话", reason = "一年内两次逾期", talkAt = "2026-05-12T02:00:00Z", talkLocation = "党委会议室" });
        var talkId = opened["talkId"].Text();
        var recorded = await host.RunAsync("duty.recordTalk", new
        {
            talkId,
            record = "本人认识到问题，表示将按期履责。",
            commitments = new object[] { new { text = "每月初自查清单进度", dueOn = "2026-06-01" }, new { text = "分管领域廉政风险再排查", dueOn = "2026-07-31" } },
        });
        var commitment = recorded["commitments"]!.AsArray()[0]!["id"].Text();
        await host.RunAsync("duty.recordFollowUp", new { commitmentId = commitment, actions = "6月1日已提交自查报告" });

        await using var db = host.Db();
        var talk = await db.Talks.SingleAsync();
        talk.HolderId.ShouldBe("li.secretary");
        talk.AssistantId.ShouldBe("zhao.discipline");
        talk.Kind.ShouldBe(TalkKind.Reminder);
        talk.LapseIds.ShouldBe([Guid.Parse(lapse)]);
        talk.Record.ShouldBe("本人认识到问题，表示将按期履责。");
        (await db.Commitments.OrderBy(c => c.Number).Select(c => c.FollowedUpAt != null).ToListAsync()).ShouldBe([true, false]);
        (await db.FollowUps.CountAsync()).ShouldBe(2);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task RecordFollowUp_Fails_WhenItDoesNotSayWhatWasDone(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var lapse = (await host.RunAsync("duty.recordLapse", new { subjectId = "he.vicepresident", taskName = "自评", dueAt = "2026-03-31T09:00:00Z" }))["lapseId"].Text();

        (await Should.ThrowAsync<InvalidOperationException>(() => host.RunAsync("duty.recordFollowUp", new { lapseId = lapse }))).Message.ShouldContain("'actions'");
    }
}
