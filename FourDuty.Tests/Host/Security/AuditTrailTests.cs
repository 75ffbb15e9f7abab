using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.TaskPages;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.Security;

/// <summary>The audit trail: who did what, when, from where; readable by admin and discipline secretary; append-only.</summary>
[Collection(HostCollection.Name)]
public sealed class AuditTrailTests
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="verify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <userTask id="check" name="核查整改情况" camunda:assignee="zhao.discipline"/>
            <sequenceFlow id="f2" sourceRef="check" targetRef="report"/>
            <userTask id="report" name="形成书面报告" camunda:assignee="chen.deputy"/>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task WholeProcessRun_DeployStartCompleteByLinkAndByApi_IsRecordedWithWhoWhatAndFromWhere()
    {
        await using var host = new FourDutyHostFactory();
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        using var office = Client(host, "zhou.office");
        using var leader = Client(host, "chen.deputy");
        using var discipline = Client(host, "zhao.discipline");
        using var browser = host.CreateBrowser();
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneMail/1.0");

        (await office.PostAsync("/api/deployments", new StringContent(Model, Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var started = await office.PostAsJsonAsync("/api/definitions/verify/start", new { businessKey = "巡察-1" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetGuid();
        var check = (await engine.Queries.ListTasksAsync(new(InstanceId: instanceId))).Single();
        var link = TaskLinkTokens.Create();
        await engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(link), check.Id, "zhao.discipline", DateTimeOffset.UtcNow.AddDays(1));
        var page = await browser.GetStringAsync(TaskPageEndpoints.Prefix + link);
        (await browser.PostAsync(TaskPageEndpoints.Prefix + link, EmptyFormFrom(page))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await engine.Queries.ListTasksAsync(new(InstanceId: instanceId))).Single();
        (await leader.PostAsJsonAsync($"/api/tasks/{report.Id}/complete", new { variables = new { done = true } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var entries = (await discipline.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Reverse().ToList();

        entries.Select(e => (e.GetProperty("operation").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("status").GetInt32())).ShouldBe(
        [
            ("deployment.create", "zhou.office", 201),
            ("instance.start", "zhou.office", 201),
            ("task.complete", "zhao.discipline", 200),
            ("task.complete", "chen.deputy", 204),
        ]);
        entries[0].GetProperty("summary").GetString().ShouldBe("verify v1");
        entries[1].GetProperty("summary").GetString()!.ShouldContain(instanceId.ToString());
        entries[2].GetProperty("via").GetString().ShouldBe("link");
        entries[2].GetProperty("target").GetString().ShouldBe($"id={check.Id}");
        entries[2].GetProperty("userAgent").GetString().ShouldBe("PhoneMail/1.0");
        entries[3].GetProperty("via").GetString().ShouldBe("token");
        entries[3].GetProperty("target").GetString().ShouldBe($"id={report.Id}");
        entries[3].GetProperty("summary").GetString().ShouldBe("variables done");
        entries.ShouldAllBe(e => e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        string.Join("\n", entries.Select(e => e.ToString())).ShouldNotContain(link);
    }

    [Fact]
    public async Task SignInReassignmentVariablesCancellationAndClockMove_AreRecorded_RefusalsToo()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["Clock:Mode"] = "Simulated" });
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        await host.SetPasswordAsync("zhou.office", "zhou-office-password");
        using var browser = host.CreateBrowser();
        using var office = Client(host, "zhou.office");
        using var admin = Client(host, "admin");
        using var discipline = Client(host, "zhao.discipline");
        (await office.PostAsync("/api/deployments", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var instanceId = await engine.StartAsync("verify", "巡察-2");
        var check = (await engine.Queries.ListTasksAsync(new(InstanceId: instanceId))).Single();

        (await SignInForm.PostAsync(browser, "zhou.office", "a wrong password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SignInForm.SignInAsync(browser, "zhou.office", "zhou-office-password");
        (await office.PostAsJsonAsync($"/api/tasks/{check.Id}/assign", new { userId = "li.secretary" })).EnsureSuccessStatusCode();
        (await office.PutAsJsonAsync($"/api/instances/{instanceId}/variables", new { approved = true })).EnsureSuccessStatusCode();
        (await office.DeleteAsync($"/api/instances/{instanceId}?reason=withdrawn")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "P2D" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync("/api/clock/advance", new { duration = "P2D" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var entries = (await discipline.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Reverse()
            .Where(e => e.GetProperty("operation").GetString() != "deployment.create").ToList();

        entries.Select(e => (e.GetProperty("operation").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("status").GetInt32(), e.GetProperty("summary").GetString())).ShouldBe(
        [
            ("signin", "zhou.office", 401, null),
            ("signin", "zhou.office", 200, null),
            ("task.assign", "zhou.office", 200, "to li.secretary"),
            ("instance.variables", "zhou.office", 204, "set approved"),
            ("instance.cancel", "zhou.office", 204, "withdrawn"),
            ("clock.advance", "admin", 200, "P2D"),
            ("clock.advance", "zhou.office", 403, null), // refused by the policy, before the body is read
        ]);
        entries[0].GetProperty("via").GetString().ShouldBe("password");
        entries[2].GetProperty("target").GetString().ShouldBe($"id={check.Id}");
        entries[4].GetProperty("target").GetString().ShouldBe($"id={instanceId}");
    }

    [Fact]
    public async Task AuditTrail_IsFilteredAndExported_ForAdminAndDisciplineOnly_AndTheExportIsRecorded()
    {
        await using var host = new FourDutyHostFactory();
        using var office = Client(host, "zhou.office");
        using var discipline = Client(host, "zhao.discipline");
        using var admin = Client(host, "admin");
        using var created = await office.PostAsJsonAsync("/api/tokens", new { name = "nightly deploy" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        (await admin.PutAsJsonAsync("/api/accounts/sun.branch/roles", new { roles = new[] { "leader", "office" } })).EnsureSuccessStatusCode();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);

        var byOffice = await discipline.GetStringAsync("/api/audit?actor=zhou.office");
        var roleChanges = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?operation=account.&from={Uri.EscapeDataString(since.ToString("O"))}")).EnumerateArray().ToList();
        var none = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?to={Uri.EscapeDataString(since.ToString("O"))}")).GetArrayLength();
        using var csv = await discipline.PostAsync("/api/audit/export?format=csv", null);
        using var xlsx = await admin.PostAsync("/api/audit/export?format=xlsx&operation=token.", null);
        var exports = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?operation=audit.export")).EnumerateArray().ToList();

        (await office.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.PostAsync("/api/audit/export", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byOffice.ShouldContain("token.create");
        byOffice.ShouldContain("nightly deploy");
        byOffice.ShouldNotContain(secret);
        byOffice.ShouldNotContain("account.roles");
        roleChanges.Single().GetProperty("summary").GetString().ShouldBe("leader,office");
        roleChanges.Single().GetProperty("target").GetString().ShouldBe("id=sun.branch");
        none.ShouldBe(0);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("操作 Operation");
        text.ShouldContain("account.roles");
        text.ShouldNotContain(secret);
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray(), "an xlsx file is a zip");
        exports.Select(e => e.GetProperty("actor").GetString()).ShouldBe(["admin", "zhao.discipline"]);
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeleted_OnSqlite()
    {
        await using var host = new FourDutyHostFactory();
        using (var admin = Client(host, "admin"))
        {
            (await admin.PostAsJsonAsync("/api/tokens", new { name = "x" })).EnsureSuccessStatusCode();
        }

        await using var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.SqliteFile}");
        await database.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_entries SET actor = 'someone else'", "DELETE FROM audit_entries" })
        {
            await using var command = database.CreateCommand();
            command.CommandText = sql;
            (await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync())).Message.ShouldContain("append-only");
        }

        await using var count = database.CreateCommand();
        count.CommandText = "SELECT count(*) FROM audit_entries WHERE actor = 'admin'";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1L);
    }

    [SkippableFact]
    public async Task AuditEntries_CannotBeChangedDeletedOrTruncated_OnPostgres()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("audit");
        await using var host = new FourDutyHostFactory(connectionString);
        using (var admin = Client(host, "admin"))
        {
            (await admin.PostAsJsonAsync("/api/tokens", new { name = "x" })).EnsureSuccessStatusCode();
        }

        await using var database = new NpgsqlConnection(connectionString);
        await database.OpenAsync();
        foreach (var sql in new[] { "UPDATE access.audit_entries SET actor = 'someone else'", "DELETE FROM access.audit_entries", "TRUNCATE access.audit_entries" })
        {
            await using var command = new NpgsqlCommand(sql, database);
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).MessageText.ShouldContain("append-only");
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM access.audit_entries WHERE actor = 'admin'", database);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1L);
    }

    private static HttpClient Client(FourDutyHostFactory host, string person)
    {
        var client = host.CreateClientFor(person);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("FourDutyTests/1.0");
        return client;
    }
}
