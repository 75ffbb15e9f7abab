using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Host.Web;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Inbox;

/// <summary>GET /api/inbox: a person's own work, most urgent first, with working days left; GET /api/people for delegation.</summary>
[Collection(HostCollection.Name)]
public sealed class InboxEndpointsTests
{
    [Fact]
    public async Task Inbox_ListsOwnAndOfferedTasks_MostUrgentFirst_InWorkingDays()
    {
        await using var host = InboxScenario.CreateHost();
        using var office = host.CreateClientFor("zhou.office");
        await InboxScenario.StartAsync(office);
        using var leader = host.CreateClientFor("chen.deputy");

        var inbox = await leader.GetFromJsonAsync<JsonElement>("/api/inbox");

        var rows = inbox.GetProperty("tasks").EnumerateArray()
            .Select(t => $"{t.GetProperty("name").GetString()} {t.GetProperty("relation").GetString()} {t.GetProperty("urgency").GetString()} {t.GetProperty("workingDaysLeft")}")
            .ToList();
        // Monday 7 December 2026: due Thursday 3rd is 2 working days late; Wednesday 9th is 2 ahead (yellow); the 21st is 10 ahead.
        rows.ShouldBe([
            "报送整改情况 mine red -2",
            "审核措施清单 mine yellow 2",
            "认领专项检查问题 offered green 5",
            "制定年度工作计划 mine green 10",
        ]);
        inbox.GetProperty("tasks")[0].GetProperty("processName").GetString().ShouldBe("整改落实");
        inbox.GetProperty("tasks")[0].GetProperty("businessKey").GetString().ShouldBe("2026-专项检查");
        inbox.GetProperty("tasks")[0].GetProperty("hasForm").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Inbox_OfTheOffice_HoldsOnlyItsOwnWork_ThoughItSeesEveryTask()
    {
        await using var host = InboxScenario.CreateHost();
        using var office = host.CreateClientFor("zhou.office");
        await InboxScenario.StartAsync(office);

        var inbox = await office.GetFromJsonAsync<JsonElement>("/api/inbox");
        var all = await office.GetFromJsonAsync<JsonElement>("/api/tasks");

        all.GetArrayLength().ShouldBe(4);
        inbox.GetProperty("tasks").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Inbox_ShowsADelegatedTask_AsTheDelegatesAndAsTheOwnersDelegated()
    {
        await using var host = InboxScenario.CreateHost();
        using var office = host.CreateClientFor("zhou.office");
        await InboxScenario.StartAsync(office);
        var plan = await InboxScenario.TaskIdAsync(office, "PlanTask");
        using var chen = host.CreateClientFor("chen.deputy");
        using var liu = host.CreateClientFor("liu.vicepresident");

        (await chen.PostAsJsonAsync($"/api/tasks/{plan}/delegate", new { userId = "liu.vicepresident" })).EnsureSuccessStatusCode();

        var owner = (await chen.GetFromJsonAsync<JsonElement>("/api/inbox")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == plan);
        owner.GetProperty("relation").GetString().ShouldBe("delegated");
        owner.GetProperty("assigneeName").GetString().ShouldBe("刘洋");
        var delegate_ = (await liu.GetFromJsonAsync<JsonElement>("/api/inbox")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == plan);
        delegate_.GetProperty("relation").GetString().ShouldBe("mine");
        delegate_.GetProperty("ownerName").GetString().ShouldBe("陈刚");
    }

    [Fact]
    public async Task People_GivesNamesAndTitles_WithoutAddresses()
    {
        await using var host = new FourDutyHostFactory();
        using var leader = host.CreateClientFor("chen.deputy");

        var text = await leader.GetStringAsync("/api/people");

        text.ShouldContain("\"name\":\"刘洋\"");
        text.ShouldNotContain("@college.example");
    }
}
