using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Lists;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary><c>duty.saveProjectList</c>, <c>duty.saveLists</c> and <c>duty.loadLists</c>: typed once, reused after.</summary>
public sealed class ListHandlerTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task SaveProjectList_NumbersTheItems_AndAResubmissionChangesThemInsteadOfAddingMore(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var first = await host.RunAsync("duty.saveProjectList", new
        {
            year = 2026,
            projectItems = new object[]
            {
                new { title = "开展党纪学习教育", area = "宣传思想", dueOn = "2026-06-30" },
                new { title = "修订财务报销制度", area = "财务资产", dueOn = "2026-09-30" },
            },
        });
        var items = first["projectItems"]!.AsArray();
        items.Select(i => i!["code"].Text()).ShouldBe(["2026-01", "2026-02"]);

        var second = await host.RunAsync("duty.saveProjectList", new
        {
            year = 2026,
            projectItems = new object[] { new { id = items[0]!["id"].Text(), title = "开展党纪学习教育（全覆盖）", area = "宣传思想", dueOn = "2026-07-15" } },
        });

        second["projectItems"]!.AsArray().Single()!["title"].Text().ShouldBe("开展党纪学习教育（全覆盖）");
        await using var db = host.Db();
        (await db.ProjectItems.CountAsync()).ShouldBe(2);
        (await db.ProjectItems.SingleAsync(p => p.Code == "2026-02")).Withdrawn.ShouldBeTrue();
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task SaveLists_StoresClaimsItemsAndEvidence_ThatLoadListsGivesBackForTheNextForm(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var project = await ProjectItemAsync(host);

        await host.RunAsync("duty.saveLists", new
        {
            year = 2026,
            subject = new { id = "liu.vicepresident" },
            claims = new[] { project },
            dutyItems = new object[] { new { title = "落实教学科研领域党风廉政建设", owner = "liu.vicepresident", area = "教学科研", dueOn = "2026-12-15", projectItemId = project } },
            riskItems = new object[] { new { title = "科研经费使用不规范", level = "高", evidence = new[] { "https://intranet.college.example/audit/2025" } } },
            measureItems = new object[] { new { title = "每季度抽查科研经费报销", dueOn = "2026-12-31" } },
        });

        var loaded = await host.RunAsync("duty.loadLists", new { year = 2026, subjectId = "liu.vicepresident" });

        loaded["claims"]!.AsArray().Select(c => c.Text()).ShouldBe([project]);
        var duty = loaded["dutyItems"]!.AsArray().Single()!;
        duty["title"].Text().ShouldBe("落实教学科研领域党风廉政建设");
        duty["state"].Text().ShouldBe("Planned");
        duty["projectItemId"].Text().ShouldBe(project);
        loaded["riskItems"]!.AsArray().Single()!["evidence"]!.AsArray().Select(e => e.Text()).ShouldBe(["https://intranet.college.example/audit/2025"]);
        loaded["measureItems"]!.AsArray().Single()!["dueOn"].Text().ShouldBe("2026-12-31");
        loaded["projectItems"]!.AsArray().Single()!["id"].Text().ShouldBe(project);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task SaveLists_WritesOnce_WhenTheSameJobRunsTwice(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var handler = host.Handler("duty.saveLists");
        var context = HandlerTestKit.Context(Guid.NewGuid(), new
        {
            year = 2026,
            subjectId = "he.vicepresident",
            dutyItems = new object[] { new { title = "后勤采购廉政风险排查", dueOn = "2026-10-31" } },
        });

        var first = await handler.ExecuteAsync(context, CancellationToken.None);
        var again = await handler.ExecuteAsync(context, CancellationToken.None);

        again.Variables["dutyItems"]!.ToJsonString().ShouldBe(first.Variables["dutyItems"]!.ToJsonString());
        await using var db = host.Db();
        (await db.ListItems.CountAsync()).ShouldBe(1);
        (await db.HandlerRuns.SingleAsync()).JobId.ShouldBe(context.JobId);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task SaveLists_StoresNothing_WhenARowIsAnotherSubjectsItem(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var saved = await host.RunAsync("duty.saveLists", new { year = 2026, subjectId = "chen.deputy", dutyItems = new object[] { new { title = "学生工作廉政教育" } } });
        var item = saved["dutyItems"]!.AsArray().Single()!["id"].Text();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.RunAsync("duty.saveLists",
            new { year = 2026, subjectId = "wu.vicepresident", dutyItems = new object[] { new { id = item, title = "改掉别人的事项" } } }));

        error.Message.ShouldContain("dutyItems[0].id");
        error.Message.ShouldContain(DutyErrors.NotYourRecord);
        await using var db = host.Db();
        (await db.ListItems.SingleAsync()).Title.ShouldBe("学生工作廉政教育");
    }

    internal static async Task<string> ProjectItemAsync(DomainHost host, int year = 2026)
    {
        var list = await host.RunAsync("duty.saveProjectList", new
        {
            year,
            projectItems = new object[] { new { title = "科研经费管理专项整治", area = "教学科研", dueOn = $"{year}-11-30" } },
        });
        return list["projectItems"]!.AsArray()[0]!["id"].Text();
    }
}
