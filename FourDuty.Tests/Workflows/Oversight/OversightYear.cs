using FourDuty.Tests.Workflows.Handlers;

namespace FourDuty.Tests.Workflows.Oversight;

/// <summary>
/// A year of records written the way the four processes write them (through the <c>duty.*</c> handlers), seen on
/// <see cref="Today"/>: the read models and exports are checked against it.
/// </summary>
/// <remarks>
/// 陈刚 (chen.deputy): three duty items, one past its date (red), one due in four days (yellow), one in September; a
/// Q1 self-assessment. 吴涛 (wu.vicepresident): one item done, one due in December; a missed deadline and a talk with
/// a commitment. 何静: a missed deadline. A patrol's feedback with two findings: 刘洋's closed out after one rejected round
/// (with a link as evidence), the student branch's still open and past its deadline (red).
/// </remarks>
internal sealed record OversightYear(string FeedbackId, string WuLapseId, string HeLapseId, string TalkId)
{
    /// <summary>The instance Wu's missed self-assessment ran in, as the model's message hands it on.</summary>
    public static readonly Guid MissedInstance = Guid.Parse("5d1c0000-0000-4000-8000-000000000001");

    /// <summary>The day the year is seen on: 20 June 2026, 09:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));

    public const string FeedbackTitle = "2026年区委第二巡察组反馈意见";

    public static async Task<OversightYear> WriteAsync(DomainHost host)
    {
        await host.RunAsync("duty.saveLists", new
        {
            year = 2026, subjectId = "chen.deputy",
            dutyItems = new object[]
            {
                new { title = "意识形态工作责任制落实", dueOn = "2026-06-10", area = "宣传思想" },
                new { title = "学生党员发展质量检查", dueOn = "2026-06-24", state = "InProgress", evidence = new[] { "https://intranet.college.example/dj/2026-check" } },
                new { title = "秋季学期思政课听课", dueOn = "2026-09-30" },
            },
        });
        await host.RunAsync("duty.saveLists", new
        {
            year = 2026, subjectId = "wu.vicepresident",
            dutyItems = new object[] { new { title = "校企合作项目廉洁风险防控", dueOn = "2026-05-01", state = "Done" } },
            riskItems = new object[] { new { title = "合作经费使用不规范", level = "中", dueOn = "2026-12-31" } },
        });
        await host.RunAsync("duty.saveAssessment", new { year = 2026, subjectId = "chen.deputy", period = "2026-Q1", summary = "一季度清单推进正常" },
            new Dictionary<string, string> { ["record"] = "SelfAssessment" });

        var feedbackId = (await host.RunAsync("duty.recordFeedback", new
        {
            source = "巡察", title = FeedbackTitle, receivedOn = "2026-04-10",
            findings = new object[] { "科研经费报销审核不严", "学生党员发展程序不规范" },
        }))["feedbackId"].Text();
        var findings = (await host.RunAsync("duty.assignFindings", new
        {
            feedbackId,
            assignments = new object[]
            {
                new { finding = "1", subject = "liu.vicepresident", area = "财务资产", department = "财务处", deadline = "2026-06-30" },
                new { finding = "2", subject = "branch-students", department = "学生处", deadline = "2026-06-15" },
            },
        }))["findings"]!.AsArray();
        var first = findings[0]!;
        await host.RunAsync("duty.saveRectification", new
        {
            finding = first, measures = "修订科研经费报销审核办法", evidence = new[] { "https://intranet.college.example/finance/rules-2026" },
        });
        await host.RunAsync("duty.verifyFinding", new { finding = first, verdict = "退回", reason = "缺少执行情况的佐证" });
        await host.RunAsync("duty.saveRectification", new { finding = first, measures = "补充三个月的抽查记录", outcome = "抽查120笔，未发现问题" });
        await host.RunAsync("duty.verifyFinding", new { finding = first, verdict = "accepted" });
        await host.RunAsync("duty.closeOut", new { finding = first, signedBy = "li.secretary" });
        await host.RunAsync("duty.closeOut", new { finding = first, signedBy = "zhao.discipline" });

        var wuLapse = (await host.RunAsync("duty.recordLapse", new
        {
            subjectId = "wu.vicepresident", taskName = "第一季度自评", dueAt = "2026-04-15T09:00:00+08:00", sourceInstanceId = MissedInstance.ToString(),
            sourceElementId = "selfAssess",
        }))["lapseId"].Text();
        var heLapse = (await host.RunAsync("duty.recordLapse", new { subjectId = "he.vicepresident", taskName = "提交三张清单", dueAt = "2026-03-31T17:00:00+08:00" }))["lapseId"].Text();
        var talkId = (await host.RunAsync("duty.recordTalk", new
        {
            subjectId = "wu.vicepresident", lapseId = wuLapse, reason = "第一季度自评逾期", talkAt = "2026-05-08T10:00:00+08:00", talkLocation = "党委会议室",
            record = "已指出问题，吴涛同志表示接受", commitments = new object[] { new { text = "两周内补交自评并建立提醒机制", dueOn = "2026-05-22" } },
        }))["talkId"].Text();
        return new OversightYear(feedbackId, wuLapse, heLapse, talkId);
    }
}
