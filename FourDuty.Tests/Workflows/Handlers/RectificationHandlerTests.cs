using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary>The rectification handlers, from feedback to the written report produced from the records.</summary>
public sealed class RectificationHandlerTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Rectification_FromFeedbackToWrittenReport_KeepsEveryRoundAndNeedsBothSignOffs(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var feedback = await host.RunAsync("duty.recordFeedback", new
        {
            source = "巡察",
            title = "2026年区委第二巡察组反馈意见",
            receivedOn = "2026-04-10",
            findings = new object[] { new { text = "科研经费报销审核不严" }, "学生党员发展程序不规范" },
        });
        var feedbackId = feedback["feedbackId"].Text();
        var assigned = await host.RunAsync("duty.assignFindings", new
        {
            feedbackId,
            assignments = new object[]
            {
                new { finding = "1", subject = "liu.vicepresident", area = "财务资产", department = "财务处", deadline = "2026-06-30" },
                new { finding = "2", subject = "branch-students", department = "学生处", deadline = "2026-06-30" },
            },
        });
        var first = assigned["findings"]!.AsArray()[0]!;
        first["leader"].Text().ShouldBe("liu.vicepresident");
        first["firstResponsible"].Text().ShouldBe("li.secretary");
        assigned["findings"]!.AsArray()[1]!["leader"].Text().ShouldBe("chen.deputy");

        await host.RunAsync("duty.saveRectification", new
        {
            finding = first,
            measures = "修订科研经费报销审核办法",
            evidence = new[] { "https://intranet.college.example/finance/rules-2026" },
            riskItems = new object[] { new { title = "报销审核走过场", level = "中" } },
        });
        (await host.RunAsync("duty.verifyFinding", new { finding = first, verdict = "退回", reason = "缺少执行情况的佐证" }))["verified"]!.GetValue<bool>().ShouldBeFalse();
        (await host.RunAsync("duty.saveRectification", new { finding = first, measures = "补充三个月的抽查记录" }))["round"]!.GetValue<double>().ShouldBe(2);
        (await host.RunAsync("duty.verifyFinding", new { finding = first, verdict = "accepted" }))["verified"]!.GetValue<bool>().ShouldBeTrue();
        (await host.RunAsync("duty.closeOut", new { finding = first, signedBy = "li.secretary" }))["closed"]!.GetValue<bool>().ShouldBeFalse();
        (await host.RunAsync("duty.closeOut", new { finding = first, signedBy = "zhao.discipline" }))["closed"]!.GetValue<bool>().ShouldBeTrue();

        var report = await host.RunAsync("duty.writtenReport", new { feedbackId });

        var text = report["reportText"].Text();
        report["reportTitle"].Text().ShouldBe("关于2026年区委第二巡察组反馈意见整改情况的报告");
        text.ShouldContain("共2个问题");
        text.ShouldContain("第1轮整改措施：修订科研经费报销审核办法；同步完善风险、措施清单1项。");
        text.ShouldContain("纪委书记核查：退回，理由：缺少执行情况的佐证。");
        text.ShouldContain("第2轮整改措施：补充三个月的抽查记录。");
        text.ShouldContain("经第一责任人和纪委书记签字销号");
        text.ShouldContain("当前状态：整改中");
        await using var db = host.Db();
        (await db.Findings.SingleAsync(f => f.Number == 1)).State.ShouldBe(FindingState.Closed);
        (await db.ListItems.SingleAsync()).FindingId.ShouldBe(Guid.Parse(first["id"].Text()));
        (await db.WrittenReports.SingleAsync()).Text.ShouldBe(text);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task CloseOut_StoresNoSignOff_WhenTheSignerIsNeitherTheFirstResponsiblePersonNorTheDisciplineSecretary(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var finding = await VerifiedFindingAsync(host);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.RunAsync("duty.closeOut", new { finding, signedBy = "chen.deputy" }));

        error.Message.ShouldContain("signedBy");
        await using var db = host.Db();
        (await db.SignOffs.CountAsync()).ShouldBe(0);
    }

    internal static async Task<string> VerifiedFindingAsync(DomainHost host, bool verify = true)
    {
        var feedback = await host.RunAsync("duty.recordFeedback", new { source = "Audit", title = "2026年经济责任审计", receivedOn = "2026-05-06", findings = new[] { "固定资产账实不符" } });
        var assigned = await host.RunAsync("duty.assignFindings", new
        {
            feedbackId = feedback["feedbackId"].Text(),
            assignments = new object[] { new { finding = 1, subject = "he.vicepresident", deadline = "2026-07-31" } },
        });
        var finding = assigned["findings"]!.AsArray()[0]!["id"].Text();
        await host.RunAsync("duty.saveRectification", new { finding, measures = "全面盘点固定资产" });
        if (verify)
        {
            await host.RunAsync("duty.verifyFinding", new { finding, verdict = "accepted" });
        }

        return finding;
    }
}
