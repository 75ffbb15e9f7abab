using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Api;

/// <summary>
/// Hostile models deployed and started through the API, as a designer with bad intent would (issue 14): each start
/// ends in an incident that names the element and the limit, the service stays healthy and its memory bounded, and
/// nothing one process tried is seen by another.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ExpressionSandboxApiTests
{
    [Fact]
    public async Task Start_EndsInAnIncidentNamingTheElementAndTheLimit_AndTheServiceStaysHealthy()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        var attacks = new (string Key, string Condition, string Reason)[]
        {
            ("huge-string", "'x'.repeat(3e8).length > 1", "Engine:Expressions:MaxStringLength"),
            // Built by a built-in piece by piece: 120 pieces of 8 MB made a 960 MB string and left the host at 5 GB.
            ("huge-join", "Array(120).fill('x'.repeat(4e6)).join('').length > 1", "Engine:Expressions:MaxStringLength"),
            ("huge-json", "JSON.stringify({ get a() { return Array(120).fill('x'.repeat(4e6)); } }).length > 1", "Engine:Expressions:MaxStringLength"),
            ("catastrophic-regex", "/(a+)+$/.test('a'.repeat(30) + 'b')", "a regular expression ran longer than 1 s"),
            ("endless-loop", "(() => { while (true) {} })()", "too many statements"),
            ("deep-recursion", "(function f(n) { return f(n + 1) + 1; })(0)", "recursed deeper"),
            ("pollution", "(Object.prototype.approved = true)", "approved"),
        };
        var memoryBefore = WorkingSet();
        var watch = Stopwatch.StartNew();

        foreach (var (key, condition, reason) in attacks)
        {
            (await DeployAsync(client, Gateway(key, condition))).StatusCode.ShouldBe(HttpStatusCode.Created, key);
            using var started = await client.PostAsJsonAsync($"/api/definitions/{key}/start", new { });
            started.StatusCode.ShouldBe(HttpStatusCode.Created, key);
            var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString();

            var incident = (await client.GetFromJsonAsync<JsonElement>($"/api/incidents?instanceId={instanceId}")).EnumerateArray().ShouldHaveSingleItem();
            incident.GetProperty("elementId").GetString().ShouldBe("decide", key);
            incident.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain(reason, Case.Insensitive, key);
        }

        // Another process sees pristine built-ins, however many pooled engines served the attacks.
        (await DeployAsync(client, Gateway("honest", "({}).approved === undefined && [1].includes(1)"))).EnsureSuccessStatusCode();
        using var honest = await client.PostAsJsonAsync("/api/definitions/honest/start", new { });
        (await honest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("status").GetString().ShouldBe("Completed");
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Before the sandbox held, the string alone took the host to 3.3 GB and the regular expression ran 10 s.
        (WorkingSet() - memoryBefore).ShouldBeLessThan(400L * 1024 * 1024);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Deploy_RefusesAnExpressionThatUsesWhatTheSandboxLacks_NamingTheElement()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        using var response = await DeployAsync(client, Gateway("evil", "eval('1') == 1"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("elementId").GetString().ShouldBe("yes");
        problem.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("uses 'eval', which the expression sandbox does not offer");
    }

    private static string Gateway(string key, string condition) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="{key}" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
            <exclusiveGateway id="decide" default="no"/>
            <sequenceFlow id="yes" sourceRef="decide" targetRef="end"><conditionExpression>{"${"}{SecurityElement.Escape(condition)}{"}"}</conditionExpression></sequenceFlow>
            <sequenceFlow id="no" sourceRef="decide" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static Task<HttpResponseMessage> DeployAsync(HttpClient client, string xml)
    {
        var content = new MultipartFormDataContent { { new StringContent(xml, Encoding.UTF8, "application/xml"), "file", "model.bpmn" } };
        return client.PostAsync("/api/deployments", content);
    }
}
