using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Lists;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>Bad input to the deployed models' forms: 422 naming the field, nothing stored, the task still open.</summary>
[Collection(HostCollection.Name)]
public sealed class ModelFormInputTests
{
    [Fact]
    public async Task SubmitLists_RefusesADateOutsideTheYearAndAFieldTheFormLacks_NamingEach_AndStoresNothing()
    {
        await using var year = await CollegeYear.StartAsync(TestStore.Sqlite);
        await year.AdvanceToAsync("2026-01-05T10:00");
        await year.CompleteAllAsync("prepareProjectList", _ => new
        {
            meetingHeldOn = "2026-01-05",
            listsDueOn = "2026-03-03",
            projectItems = new object[] { new { title = "开展党纪学习教育", area = "宣传思想", dueOn = "2026-06-30" } },
        }, user: "zhou.office");
        var task = (await year.TasksAsync("submitLists")).Single(t => t.Assignee == "liu.vicepresident");
        using var client = year.Host.CreateClientFor("liu.vicepresident");

        var outsideYear = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            variables = new { dutyItems = new object[] { new { title = "修订财务制度", dueOn = "2027-03-01" } } },
        });
        var stray = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            variables = new { dutyItems = new object[] { new { title = "修订财务制度" } }, ranking = 1 },
        });

        outsideYear.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await outsideYear.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => e!["key"]!.GetValue<string>())
            .ShouldContain("dutyItems[0].dueOn");
        stray.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var strayError = (await stray.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Single()!;
        (strayError["key"]!.GetValue<string>(), strayError["code"]!.GetValue<string>()).ShouldBe(("ranking", "FORM-UNKNOWN-FIELD"));
        await using var db = year.Db();
        (await db.ListItems.CountAsync(i => i.SubjectId == "liu.vicepresident")).ShouldBe(0);
        (await year.TasksAsync("submitLists")).ShouldContain(t => t.Id == task.Id);
    }

    [Fact]
    public async Task Rectify_RefusesEvidenceThatIsNeitherALinkNorAnUpload_NamingTheField_AndReusesTheListItemsEvidence()
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
            meetingHeldOn = "2026-05-11",
            assignments = new object[] { new { finding = 1, subject = "liu.vicepresident", deadline = "2026-06-30" } },
        }, user: "zhou.office");
        // 刘洋's measure list already carries the ledger as evidence (attached when the item was reported on).
        const string ledger = "https://intranet.college.example/cw/2026-ledger";
        var item = new MeasureItem { Id = Guid.NewGuid(), SubjectId = "liu.vicepresident", Year = 2026, Title = "建立报销审核台账", CreatedAt = year.Now, UpdatedAt = year.Now };
        var onItem = new Evidence { Id = Guid.NewGuid(), Kind = EvidenceKind.Link, SubjectId = "liu.vicepresident", Name = ledger, Url = ledger, CreatedAt = year.Now, UpdatedAt = year.Now };
        await using (var db = year.Db())
        {
            db.ListItems.Add(item);
            db.Evidence.Add(onItem);
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = onItem.Id, TargetKind = EvidenceTarget.ListItem, TargetId = item.Id, LinkedAt = year.Now });
            await db.SaveChangesAsync();
        }

        var task = (await year.TasksAsync("rectify")).Single();
        using var client = year.Host.CreateClientFor(task.Assignee!);
        var measureItems = new object[] { new { id = item.Id.ToString(), title = "建立报销审核台账", dueOn = "2026-06-15" } };

        var bad = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            variables = new { measures = "逐笔复核报销单据", evidence = "https://intranet.college.example/cw/rules\n台账见共享盘", measureItems },
        });

        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        errors.Select(e => e!["key"]!.GetValue<string>()).ShouldBe(["evidence[1]"]);
        await using (var db = year.Db())
        {
            (await db.RectificationRounds.CountAsync()).ShouldBe(0);
            (await db.Evidence.CountAsync()).ShouldBe(1, "nothing of a refused submission is stored");
            (await db.EvidenceLinks.CountAsync(l => l.TargetKind == EvidenceTarget.Finding)).ShouldBe(0);
        }

        (await year.TasksAsync("rectify")).ShouldContain(t => t.Id == task.Id);

        var good = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            variables = new { measures = "逐笔复核报销单据", evidence = "https://intranet.college.example/cw/rules", measureItems },
        });
        good.StatusCode.ShouldBe(HttpStatusCode.NoContent, await good.Content.ReadAsStringAsync());
        await year.Engine.RunDueWorkAsync();

        await using (var db = year.Db())
        {
            var finding = await db.Findings.SingleAsync();
            var onFinding = await (from link in db.EvidenceLinks
                                   join evidence in db.Evidence on link.EvidenceId equals evidence.Id
                                   where link.TargetKind == EvidenceTarget.Finding && link.TargetId == finding.Id
                                   select evidence.Url).ToListAsync();
            onFinding.ShouldBe(["https://intranet.college.example/cw/rules", ledger], ignoreOrder: true,
                customMessage: "the ledger already on the measure item counts for the finding without being given again");
            (await db.Evidence.CountAsync(e => e.Url == ledger)).ShouldBe(1);
        }
    }
}
