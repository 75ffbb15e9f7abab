using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Tests.Workflows;
using FourDuty.Tests.Workflows.Handlers;
using FourDuty.Tests.Workflows.Oversight;

namespace FourDuty.Tests.Host.Oversight;

/// <summary>
/// The oversight API through the real Host, signed in as each kind of person, on a year of records the handlers wrote
/// into the same database before the service started.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OversightEndpointsTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Dashboard_AnswersTheOfficeDisciplineAndFirstResponsible_AndRefusesOtherLeaders(TestStore store)
    {
        var (factory, _) = await StartAsync(store);
        await using var _1 = factory;

        foreach (var person in new[] { "zhou.office", "zhao.discipline", "li.secretary", "wang.president" })
        {
            using var client = factory.CreateClientFor(person);
            var view = (await client.GetFromJsonAsync<JsonObject>("/api/oversight/dashboard?year=2026"))!;
            var chen = view["subjects"]!.AsArray().Single(s => s!["subjectId"].Text() == "chen.deputy")!;
            chen["alert"].Text().ShouldBe("Red", person);
            chen["items"]!["overdue"]!.GetValue<int>().ShouldBe(1);
            view["rectification"]!.AsArray().Single()!["closed"]!.GetValue<int>().ShouldBe(1);
        }

        using var leader = factory.CreateClientFor("chen.deputy");
        (await leader.GetAsync("/api/oversight/dashboard?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var office = factory.CreateClientFor("zhou.office");
        var refused = await office.GetAsync("/api/oversight/dashboard?year=2026&process=everything");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["key"].Text().ShouldBe("process");
        var talks = (await office.GetFromJsonAsync<JsonObject>("/api/oversight/dashboard?year=2026&process=talk&subjectId=wu.vicepresident"))!;
        talks["subjects"]!.AsArray().Single()!["subjectId"].Text().ShouldBe("wu.vicepresident");
        talks["talks"]!.AsArray().Single()!["commitments"]![0]!["text"].Text().ShouldBe("两周内补交自评并建立提醒机制");
    }

    [SkippableFact]
    public async Task Dossier_IsALeadersOwn_403ForAnothers_AndEveryonesForTheOversightRoles()
    {
        var (factory, year) = await StartAsync(TestStore.Sqlite);
        await using var _1 = factory;

        using var wu = factory.CreateClientFor("wu.vicepresident");
        var own = (await wu.GetFromJsonAsync<JsonObject>("/api/oversight/dossiers/wu.vicepresident?year=2026"))!;
        own["name"].Text().ShouldBe("吴涛");
        own["items"]!.AsArray().Select(i => i!["title"].Text()).ShouldBe(["校企合作项目廉洁风险防控", "合作经费使用不规范"]);
        own["lapses"]!.AsArray().Single()!["what"].Text().ShouldBe("第一季度自评");
        own["talks"]!.AsArray().Single()!["commitments"]![0]!["text"].Text().ShouldBe("两周内补交自评并建立提醒机制");
        own["items"]!.AsArray().ShouldAllBe(i => i!["instanceId"] != null, "each record says which instance wrote it");

        var refused = await wu.GetAsync("/api/oversight/dossiers/chen.deputy");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"].Text().ShouldBe("DOSSIER-NOT-YOURS");
        (await wu.GetAsync("/api/oversight/dossiers/no.such.person")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a leader learns nothing of others, not even who exists");

        foreach (var person in new[] { "zhao.discipline", "li.secretary", "zhou.office" })
        {
            using var client = factory.CreateClientFor(person);
            var chen = (await client.GetFromJsonAsync<JsonObject>("/api/oversight/dossiers/chen.deputy"))!;
            chen["items"]!.AsArray().Count.ShouldBe(3, person);
            chen["items"]![1]!["evidence"]![0]!["url"].Text().ShouldBe("https://intranet.college.example/dj/2026-check");
            chen["findings"]!.AsArray().Single()!["number"]!.GetValue<int>().ShouldBe(2, "chen.deputy leads the student branch's finding");
        }

        using var office = factory.CreateClientFor("zhou.office");
        (await office.GetAsync("/api/oversight/dossiers/no.such.person")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetFromJsonAsync<JsonObject>("/api/oversight/dossiers/he.vicepresident"))!["lapses"]!.AsArray().Single()!["id"].Text().ShouldBe(year.HeLapseId);
    }

    [SkippableFact]
    public async Task AnnotateLapse_ByTheDisciplineSecretary_KeepsTheLapseAndItsHistory_AndIsAudited()
    {
        var (factory, year) = await StartAsync(TestStore.Sqlite);
        await using var _1 = factory;
        var path = $"/api/oversight/lapses/{year.WuLapseId}/annotations";

        using var secretary = factory.CreateClientFor("li.secretary");
        (await secretary.PostAsJsonAsync(path, new { text = "同意容错" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "first-responsible persons read, they do not classify");
        using var leader = factory.CreateClientFor("wu.vicepresident");
        (await leader.PostAsJsonAsync(path, new { text = "本人说明" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var discipline = factory.CreateClientFor("zhao.discipline");
        var empty = await discipline.PostAsJsonAsync(path, new { text = " ", classification = "UnintendedSlip" });
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["key"].Text().ShouldBe("text");
        using var office = factory.CreateClientFor("zhou.office");
        (await office.PostAsJsonAsync(path, new { text = "当事人称自评材料已于4月20日补交" })).EnsureSuccessStatusCode();
        var answer = await discipline.PostAsJsonAsync(path, new { text = "经核实属为推动发展的无意过失", classification = "UnintendedSlip" });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await discipline.GetFromJsonAsync<JsonObject>($"/api/oversight/lapses/{year.WuLapseId}"))!;
        history["lapse"]!["class"].Text().ShouldBe("UnintendedSlip");
        history["lapse"]!["what"].Text().ShouldBe("第一季度自评");
        history["annotations"]!.AsArray().Select(a => (a!["by"].Text(), a["text"].Text()))
            .ShouldBe([("zhou.office", "当事人称自评材料已于4月20日补交"), ("zhao.discipline", "经核实属为推动发展的无意过失")]);
        (await discipline.PostAsJsonAsync($"/api/oversight/lapses/{Guid.NewGuid()}/annotations", new { text = "无" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var admin = factory.CreateClientFor("admin");
        var audit = (await admin.GetFromJsonAsync<JsonArray>("/api/audit?operation=lapse.annotate"))!;
        audit.Select(e => (e!["actor"].Text(), e["status"]!.GetValue<int>())).ShouldBe(
            // The leader is refused by the policy before the endpoint runs, the Party secretary by the endpoint: both recorded.
            [("zhao.discipline", 404), ("zhao.discipline", 200), ("zhou.office", 200), ("zhao.discipline", 422), ("li.secretary", 403), ("wu.vicepresident", 403)],
            ignoreOrder: true);
        audit.First(e => e!["status"]!.GetValue<int>() == 200 && e["actor"].Text() == "zhao.discipline")!["summary"].Text().ShouldBe("classified UnintendedSlip");
    }

    [SkippableFact]
    public async Task Exports_AreXlsxAndDocxDownloads_WithTheFilterApplied_ForTheOversightRolesOnly()
    {
        var (factory, year) = await StartAsync(TestStore.Sqlite);
        await using var _1 = factory;
        using var office = factory.CreateClientFor("zhou.office");

        var response = await office.GetAsync("/api/oversight/ledgers/rectification?year=2026&subjectId=branch-students");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("整改台账-2026.xlsx");
        var rows = ExportTests.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), 19);
        rows.Count.ShouldBe(2);
        rows[1][4].ShouldBe("学生党员发展程序不规范");

        foreach (var (ledger, count) in new[] { ("lists", 6), ("lapses", 3), ("talks", 2) })
        {
            var file = await office.GetAsync($"/api/oversight/ledgers/{ledger}?year=2026");
            file.StatusCode.ShouldBe(HttpStatusCode.OK, ledger);
            ExportTests.Read(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), 5).Count.ShouldBe(count, ledger);
        }

        var bad = await office.GetAsync("/api/oversight/ledgers/lists?kind=Everything");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["key"].Text().ShouldBe("kind");

        var report = await office.GetAsync($"/api/oversight/reports/rectification/{year.FeedbackId}");
        report.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        OpenedDocument.Read(new MemoryStream(await report.Content.ReadAsByteArrayAsync())).Paragraphs[0].ShouldBe($"关于{OversightYear.FeedbackTitle}整改情况的报告");
        var summary = await office.GetAsync("/api/oversight/reports/year/2026");
        OpenedDocument.Read(new MemoryStream(await summary.Content.ReadAsByteArrayAsync())).Text.ShouldContain("全年记录失责2次");
        (await office.GetAsync($"/api/oversight/reports/rectification/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var leader = factory.CreateClientFor("chen.deputy");
        (await leader.GetAsync("/api/oversight/ledgers/talks?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetAsync("/api/oversight/reports/year/2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = factory.CreateClientFor("admin");
        var audit = (await admin.GetFromJsonAsync<JsonArray>("/api/audit?operation=ledger.export"))!;
        audit.Select(e => e!["summary"].Text()).ShouldContain("整改台账: 1 rows (year=2026, subjectId=branch-students)");
        // The leader's attempt is recorded as refused (decision 0013: refusals too), and nothing was exported for them.
        audit.Where(e => e!["actor"].Text() == "chen.deputy").Select(e => e!["status"]!.GetValue<int>()).ShouldBe([403]);
        audit.Where(e => e!["status"]!.GetValue<int>() == 200).Select(e => e!["actor"].Text()).Distinct().ShouldBe(["zhou.office"]);
    }

    /// <summary>Writes <see cref="OversightYear"/> into a fresh database through the handlers, then starts the service on it at <see cref="OversightYear.Today"/>.</summary>
    private static async Task<(FourDutyHostFactory Factory, OversightYear Year)> StartAsync(TestStore store)
    {
        var postgres = store == TestStore.Postgres ? await TestPostgres.CreateDatabaseAsync("oversight") : null;
        var factory = new FourDutyHostFactory(postgres, new Dictionary<string, string>
        {
            ["Clock:Mode"] = "Simulated",
            ["Clock:Start"] = OversightYear.Today.ToString("O"),
        });
        Directory.CreateDirectory(Path.GetDirectoryName(factory.SqliteFile)!);
        OversightYear year;
        await using (var domain = await DomainHost.StartAsync(store, postgres: postgres, sqliteFile: postgres is null ? factory.SqliteFile : null, start: OversightYear.Today))
        {
            year = await OversightYear.WriteAsync(domain);
        }

        return (factory, year);
    }
}
