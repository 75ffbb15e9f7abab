using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
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
}
