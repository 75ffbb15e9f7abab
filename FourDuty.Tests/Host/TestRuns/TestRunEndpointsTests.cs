using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Host.Web;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.TestRuns;

/// <summary>Test-runs through the API: isolated from the service, stepped on their own clock, mail kept and rendered.</summary>
[Collection(HostCollection.Name)]
public sealed class TestRunEndpointsTests
{
    private static object Request(string file = "deadline-reminder.bpmn", string start = "2027-01-04T09:00:00+08:00") => new
    {
        bpmn = WebFixtures.Read(file),
        fileName = file,
        forms = new[] { new { name = "lists.form", schema = JsonNode.Parse(WebFixtures.Read("lists.form")) } },
        start,
    };

    [Fact]
    public async Task Advance_SendsReminderThenEscalation_OnWorkingDays_WithoutTouchingTheService()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        var created = await client.PostAsJsonAsync("/api/test-runs", Request());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var run = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString();
        run.GetProperty("tasks")[0].GetProperty("dueAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2027-01-11T09:00:00+08:00"));

        var reminded = await AdvanceAsync(client, id, new { toNextTimer = true });
        var escalated = await AdvanceAsync(client, id, new { toNextTimer = true });

        reminded.GetProperty("now").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2027-01-07T09:00:00+08:00"), "3 working days after Monday");
        var mails = escalated.GetProperty("mails").EnumerateArray().ToList();
        mails.Select(m => m.GetProperty("toAddress").GetString()).ShouldBe(
            ["chen.deputy@college.example", "chen.deputy@college.example", "zhao.discipline@college.example"]);
        mails[1].GetProperty("subject").GetString().ShouldStartWith("【到期提醒】报送责任清单");
        mails[1].GetProperty("html").GetString()!.ShouldContain("报送责任清单");
        mails[2].GetProperty("at").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2027-01-11T09:00:00+08:00"));
        mails[2].GetProperty("workday").GetBoolean().ShouldBeTrue();
        escalated.GetProperty("tasks")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        escalated.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "TimerFired").ShouldBe(2);

        (await client.GetStringAsync("/api/instances")).ShouldBe("[]");
        FourDutyHostFactory.OnlyShipped(await client.GetStringAsync("/api/definitions")).ShouldBeTrue();
        (Directory.Exists(host.PickupFolder) ? Directory.GetFiles(host.PickupFolder) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Complete_Returns422WithTheField_WhenTheFormIsBroken_ThenCompletes()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        var run = await (await client.PostAsJsonAsync("/api/test-runs", Request())).Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString();
        var task = run.GetProperty("tasks")[0].GetProperty("id").GetString();

        using var refused = await client.PostAsJsonAsync($"/api/test-runs/{id}/tasks/{task}/complete", new { variables = new { confirmed = true } });
        using var done = await client.PostAsJsonAsync($"/api/test-runs/{id}/tasks/{task}/complete", new { variables = new { dutyItems = "一、落实主体责任" } });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("dutyItems");
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await done.Content.ReadFromJsonAsync<JsonElement>();
        state.GetProperty("tasks").GetArrayLength().ShouldBe(0);
        state.GetProperty("instances")[0].GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task Create_Returns422WithEveryProblem_WhenTheModelCannotRun()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        using var response = await client.PostAsJsonAsync("/api/test-runs", Request("refused.bpmn"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("BPMN-042");
        body.ShouldContain("Flow_no");
    }

    [Fact]
    public async Task Create_Returns422NamingTheForm_WhenAFormHasNoName()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        using var response = await client.PostAsJsonAsync("/api/test-runs", new
        {
            bpmn = WebFixtures.Read("deadline-reminder.bpmn"),
            forms = new[] { new { name = "lists", schema = JsonNode.Parse(WebFixtures.Read("lists.form")) } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("TESTRUN-FORM-INVALID");
        body.ShouldContain("forms[0]");
    }

    [Fact]
    public async Task Create_Returns429_WhenEveryAllowedTestRunIsInUse_AndDeleteFreesOne()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["TestRuns:MaxRuns"] = "1" });
        using var client = host.CreateClientFor("zhou.office");

        var first = await (await client.PostAsJsonAsync("/api/test-runs", Request())).Content.ReadFromJsonAsync<JsonElement>();
        using var second = await client.PostAsJsonAsync("/api/test-runs", Request());
        using var deleted = await client.DeleteAsync($"/api/test-runs/{first.GetProperty("id").GetString()}");
        using var gone = await client.GetAsync($"/api/test-runs/{first.GetProperty("id").GetString()}");
        using var third = await client.PostAsJsonAsync("/api/test-runs", Request());

        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await second.Content.ReadAsStringAsync()).ShouldContain("TESTRUN-LIMIT");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        third.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Advance_StepsThroughAWholeYearWeekByWeek_InUnderAMinute()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        var run = await (await client.PostAsJsonAsync("/api/test-runs", Request("monthly-reminders.bpmn"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString();

        var clock = Stopwatch.StartNew();
        JsonElement state = run;
        for (var week = 0; week < 53; week++)
        {
            state = await AdvanceAsync(client, id, new { duration = "P7D" });
        }

        clock.Stop();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1));
        var reminders = state.GetProperty("mails").EnumerateArray().Count(m => m.GetProperty("subject").GetString()!.StartsWith("【到期提醒】", StringComparison.Ordinal));
        reminders.ShouldBe(12, "R12/P1M fires once a month for a year");
    }

    private static async Task<JsonElement> AdvanceAsync(HttpClient client, string? id, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/test-runs/{id}/advance", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
