using System.Net;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.TaskPages;
using FourDuty.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Security;

/// <summary>The headers on every page and answer, and no stack trace in any answer in Production.</summary>
[Collection(HostCollection.Name)]
public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task EveryPageAndAnswer_CarriesTheSecurityHeaders()
    {
        await using var host = new FourDutyHostFactory();
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("p.bpmn", """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><userTask id="t" name="任务"/></process>
            </definitions>
            """)])).Succeeded.ShouldBeTrue();
        var task = (await engine.Queries.ListTasksAsync(new(InstanceId: await engine.StartAsync("p")))).Single();
        var token = TaskLinkTokens.Create();
        await engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), task.Id, "zhou.office", DateTimeOffset.UtcNow.AddDays(1));
        using var stranger = host.CreateBrowser();
        using var admin = host.CreateClientFor("admin");
        var requests = new (HttpClient Client, string Path)[]
        {
            (stranger, "/account/signin"), (stranger, "/account"), (stranger, "/account/denied"), (stranger, TaskPageEndpoints.Prefix + token),
            (stranger, "/t/not-a-token"), (stranger, "/health"), (stranger, "/openapi/v1.json"), (stranger, "/api/me"), (stranger, "/no-such-page"),
            (stranger, "/hangfire"), (admin, "/hangfire"), (admin, "/outbox"), (admin, "/api/me"), (admin, "/api/tasks"), (admin, "/account"),
        };

        foreach (var (client, path) in requests)
        {
            using var response = await client.GetAsync(path);
            string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
            var csp = Header("Content-Security-Policy");
            csp.ShouldContain("frame-ancestors 'none'", customMessage: path);
            csp.Contains("script-src 'self' 'unsafe-inline'", StringComparison.Ordinal).ShouldBe(path.StartsWith("/hangfire", StringComparison.Ordinal), path);
            Header("X-Content-Type-Options").ShouldBe("nosniff", path);
            Header("X-Frame-Options").ShouldBe("DENY", path);
            Header("Referrer-Policy").ShouldBe("no-referrer", path);
        }

        // The dashboard is Hangfire's own page, with inline script of its own: only its pages get that allowance.
        using var dashboard = await admin.GetAsync("/hangfire");
        dashboard.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task AnUnexpectedFailure_AnswersAProblemWithoutAStackTrace_InProduction()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        // A database that lost a table: every query of instances now fails deep inside EF Core and SQLite.
        await using (var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.SqliteFile}"))
        {
            await database.OpenAsync();
            await using var drop = database.CreateCommand();
            drop.CommandText = "DROP TABLE instances";
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await client.GetAsync("/api/instances");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        body.ShouldNotContain("no such table");
        body.ShouldNotContain("Exception");
        StackFrame().IsMatch(body).ShouldBeFalse(body);
    }

    [Theory]
    [InlineData("/api/definitions/p/start", "{\"businessKey\": ")]
    [InlineData("/api/tasks/not-a-guid/complete", "{}")]
    [InlineData("/api/messages", "[1,2,3]")]
    [InlineData("/api/tokens", "{\"name\": 12, \"expiresInDays\": \"soon\"}")]
    public async Task BadRequests_AnswerWithoutAStackTrace_InProduction(string path, string json)
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        using var response = await client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBeInRange(400, 499, body);
        body.ShouldNotContain("Exception");
        StackFrame().IsMatch(body).ShouldBeFalse(body);
    }

    // "at Namespace.Type.Method(" or a source line: what a stack trace shows.
    [GeneratedRegex(@"\bat [A-Z][\w.`<>]+\(|\.cs:line \d+")]
    private static partial Regex StackFrame();
}
