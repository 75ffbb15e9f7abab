using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Api;

/// <summary>
/// A process started by hand asks for what it needs through its start form (Camunda 7's start event <c>camunda:formKey</c>):
/// the office reads the form, a start that breaks it is refused field by field and starts nothing.
/// </summary>
public sealed class StartFormApiTests
{
    [Fact]
    public async Task ReminderTalkByHand_StartsForTheDisciplineSecretaryItNames_AndNeitherForALeaderNorForAProcessThatNamesNobody()
    {
        await using var host = new FourDutyHostFactory();
        using var zhao = host.CreateClientFor("zhao.discipline");
        using var chen = host.CreateClientFor("chen.deputy");

        (await zhao.GetFromJsonAsync<JsonElement>("/api/definitions/reminder-talk/start-form")).GetProperty("id").GetString().ShouldBe("talk-by-hand");
        using var started = await zhao.PostAsJsonAsync("/api/definitions/reminder-talk/start",
            new { businessKey = "chen.deputy/严重失责", variables = new { subjectId = "chen.deputy", talkKind = "提醒谈话", reason = "年度清单逾期且未说明情况" } });

        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString();
        var view = await zhao.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
        view.GetProperty("instance").GetProperty("definitionKey").GetString().ShouldBe("reminder-talk");
        view.GetProperty("instance").GetProperty("businessKey").GetString().ShouldBe("chen.deputy/严重失责");
        (await zhao.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("policies").GetProperty("starter").GetBoolean().ShouldBeTrue();

        // The discipline secretary starts only what names them: the gap-filling process names no starter.
        using var notNamed = await zhao.PostAsJsonAsync("/api/definitions/gap-filling/start",
            new { variables = new { subjectId = "he.vicepresident", taskName = "提交三张清单", dueAt = "2026-03-03" } });
        notNamed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notNamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldStartWith("只有党委办公室或流程指定的发起人可以发起“补漏补缺”");
        (await zhao.GetAsync("/api/definitions/gap-filling/start-form")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var leader = await chen.PostAsJsonAsync("/api/definitions/reminder-talk/start",
            new { variables = new { subjectId = "he.vicepresident", reason = "不应由我发起" } });
        leader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chen.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("policies").GetProperty("starter").GetBoolean().ShouldBeFalse();
        (await zhao.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=reminder-talk")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task GapFillingByHand_AsksForItsStartForm_RefusesAStartWithoutIt_AndStartsWithWhatItAllows()
    {
        await using var host = new FourDutyHostFactory();
        using var office = host.CreateClientFor("zhou.office");

        var form = await office.GetFromJsonAsync<JsonElement>("/api/definitions/gap-filling/start-form");
        form.GetProperty("id").GetString().ShouldBe("record-lapse");
        (await office.GetAsync("/api/definitions/annual-list-cycle/start-form")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var leader = host.CreateClientFor("chen.deputy"))
        {
            (await leader.GetAsync("/api/definitions/gap-filling/start-form")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var refused = await office.PostAsJsonAsync("/api/definitions/gap-filling/start",
            new { variables = new { subjectId = "he.vicepresident", dueAt = "not a date", extra = 1 } });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("key").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldBe([("taskName", "FORM-REQUIRED"), ("dueAt", "FORM-TYPE"), ("extra", "FORM-UNKNOWN-FIELD")], ignoreOrder: true);
        (await office.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=gap-filling")).GetArrayLength().ShouldBe(0);

        using var started = await office.PostAsJsonAsync("/api/definitions/gap-filling/start",
            new { businessKey = "he.vicepresident", variables = new { subjectId = "he.vicepresident", taskName = "提交三张清单", dueAt = "2026-03-03", article = "第十条" } });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString();
        var view = await office.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
        view.GetProperty("incidents").GetArrayLength().ShouldBe(0);
        var variables = view.GetProperty("variables");
        variables.GetProperty("subjectId").GetString().ShouldBe("he.vicepresident");
        variables.GetProperty("dueAt").GetString().ShouldBe("2026-03-03");
    }
}
