using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// What a leader typed once is not asked twice: a rectification sent back opens its second task with what the first
/// round stored — the measures, the evidence, the risk item with its id — both on the signed-in task page
/// (<c>GET /api/tasks/{id}/form-variables</c>) and through the mailed link (<c>GET /t/{token}/task</c>'s <c>data</c>);
/// submitted again unchanged, it changes the stored item instead of adding a second one.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FormPrefillScenarioTests
{
    private const string Leader = "liu.vicepresident";

    [Fact]
    public async Task RectificationSentBack_OpensWithWhatTheFirstRoundStored_AndResubmittingItAddsNoSecondItem()
    {
        await using var year = await CollegeYear.StartAsync(TestStore.Sqlite, start: "2026-05-11T09:00");
        await year.Engine.StartAsync("feedback-rectification", "巡察反馈/2026");
        await year.Engine.RunDueWorkAsync();
        await year.CompleteAllAsync("enterFeedback", _ => new
        {
            source = "Patrol", title = "区委教育工委第二巡察组反馈意见", receivedOn = "2026-05-11", findings = new object[] { new { text = "财务报销审核把关不严" } },
        }, user: "zhou.office");
        await year.CompleteAllAsync("specialMeeting", _ => new
        {
            meetingHeldOn = "2026-05-12",
            assignments = new object[] { new { finding = 1, subject = Leader, leader = Leader, department = "财务处", deadline = "2026-06-30" } },
        }, user: "zhou.office");
        using var leader = year.Host.CreateClientFor(Leader);
        var first = (await year.TasksAsync("rectify")).Single();
        (await leader.GetFromJsonAsync<JsonObject>($"/api/tasks/{first.Id}/form-variables"))!.ShouldNotContainKey("measures", "nothing was typed yet");
        (await leader.PostAsJsonAsync($"/api/tasks/{first.Id}/complete", new
        {
            variables = new
            {
                measures = "逐笔复核报销单据", outcome = "已整改", evidence = "https://intranet.college.example/cw/ledger",
                riskItems = new object[] { new { title = "报销审核流于形式", level = "高" } },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();
        await year.CompleteAllAsync("verifyFinding", _ => new { verdict = "rejected", reason = "缺少报销审核台账" });

        var second = (await year.TasksAsync("rectify")).Single();
        second.Id.ShouldNotBe(first.Id);
        var data = (await leader.GetFromJsonAsync<JsonObject>($"/api/tasks/{second.Id}/form-variables"))!;
        data["measures"]!.GetValue<string>().ShouldBe("逐笔复核报销单据");
        data["evidence"]!.GetValue<string>().ShouldBe("https://intranet.college.example/cw/ledger");
        var risk = data["riskItems"]!.AsArray().ShouldHaveSingleItem()!;
        (risk["title"]!.GetValue<string>(), risk["level"]!.GetValue<string>()).ShouldBe(("报销审核流于形式", "高"));
        Guid.TryParse(risk["id"]!.GetValue<string>(), out _).ShouldBeTrue("the stored item's id, so that the next round edits it");
        data.ShouldNotContainKey("verdict", "only the form's own fields");

        // The mailed link's page opens with the same.
        var mail = year.Mails.Last(m => m.To == Leader && m.Subject.StartsWith("【待办任务】制定方案并整改", StringComparison.Ordinal));
        using var anonymous = year.Host.CreateClient();
        var page = (await anonymous.GetFromJsonAsync<JsonObject>(new Uri(TaskPageScraping.TaskLinkIn(mail.Text)).AbsolutePath + "/task"))!;
        page["task"]!["id"]!.GetValue<string>().ShouldBe(second.Id.ToString());
        page["data"]!["measures"]!.GetValue<string>().ShouldBe("逐笔复核报销单据");
        page["data"]!["riskItems"]!.ToJsonString().ShouldBe(data["riskItems"]!.ToJsonString());

        // Sent again with the ledger added, the prefilled item is changed, not duplicated.
        data["measures"] = "逐笔复核报销单据，建立审核台账";
        (await leader.PostAsJsonAsync($"/api/tasks/{second.Id}/complete", new { variables = data })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();
        await using var db = year.Db();
        (await db.ListItems.CountAsync(i => i.SubjectId == Leader)).ShouldBe(1);
        (await db.RectificationRounds.OrderBy(r => r.Round).Select(r => r.Measures).ToListAsync()).ShouldBe(["逐笔复核报销单据", "逐笔复核报销单据，建立审核台账"]);
    }
}
