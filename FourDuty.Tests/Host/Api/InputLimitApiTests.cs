using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Api;

/// <summary>
/// The input limits of issue 14, each tried through HTTP with small limits so the tests stay quick: every refusal
/// names the field or variable and the setting that raises the limit, and the API's problem shape holds for all.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class InputLimitApiTests : IAsyncLifetime
{
    private const string Wait = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="wait" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work"/>
          </process>
        </definitions>
        """;

    private readonly FourDutyHostFactory _host = new(settings: new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Simulated",
        ["Engine:MaxVariableBytes"] = "1000",
        ["Engine:MaxInstanceVariableBytes"] = "2500",
        ["Engine:MaxVariables"] = "5",
        ["Engine:Parser:MaxFlowNodes"] = "10",
        ["Security:MaxRequestBytes"] = "4000",
        ["Security:MaxDeploymentBytes"] = "8000",
        // Limits this small refuse the college's own four models, which are not what these tests are about.
        ["Workflows:DeployAtStart"] = "false",
    });

    private HttpClient _office = null!;

    public async Task InitializeAsync()
    {
        _office = _host.CreateClientFor("zhou.office");
        (await DeployAsync(Wait)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _office.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Start_Returns422NamingTheVariable_WhenAValueIsOverTheLimit()
    {
        using var response = await StartAsync(new { variables = new { notes = new string('x', 1200) } });

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ENGINE-VARIABLE-LIMIT");
        problem.ShouldContain("'notes'");
        problem.ShouldContain("Engine:MaxVariableBytes");
    }

    [Fact]
    public async Task SetVariables_Returns422NamingTheLimit_WhenTheInstanceWouldHoldTooMuch()
    {
        using var started = await StartAsync(new { variables = new { a = new string('a', 900), b = new string('b', 900) } });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString();

        using var response = await _office.PutAsJsonAsync($"/api/instances/{id}/variables", new { c = new string('c', 950) });

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ENGINE-VARIABLE-LIMIT");
        problem.ShouldContain("Engine:MaxInstanceVariableBytes");
        var variables = (await _office.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("variables");
        variables.TryGetProperty("c", out _).ShouldBeFalse("nothing of a refused request is stored");
        (await _office.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_Returns422_WhenTheRequestSendsTooManyVariables()
    {
        using var response = await StartAsync(new { variables = new { a = 1, b = 2, c = 3, d = 4, e = 5, f = 6 } });

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ENGINE-VARIABLE-LIMIT")).ShouldContain("Engine:MaxVariables");
    }

    [Theory]
    [InlineData("total\u202Edue", "U+202E")]
    [InlineData("../secrets", "path separator")]
    [InlineData("line\nbreak", "control character")]
    public async Task Start_Returns422NamingTheCharacter_WhenAVariableNameBreaksTheRules(string name, string reason)
    {
        using var response = await _office.PostAsync("/api/definitions/wait/start", JsonContent.Create(
            new Dictionary<string, object> { ["variables"] = new Dictionary<string, int> { [name] = 1 } }));

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ENGINE-VARIABLE-LIMIT")).ShouldContain(reason);
    }

    [Theory]
    [InlineData("2026\u202Eexe", "bidirectional")]
    [InlineData("college-a\u0000/2026", "control character")]
    public async Task Start_Returns422_WhenTheBusinessKeyBreaksTheRules(string businessKey, string reason)
    {
        using var response = await StartAsync(new { businessKey });

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ENGINE-INVALID-NAME")).ShouldContain(reason);
    }

    [Fact]
    public async Task ScriptTask_RaisesAnIncidentNamingTheElementAndTheLimit_WhenItMakesAVariableTooLarge()
    {
        (await DeployAsync("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="grow" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="fill"/>
                <scriptTask id="fill" scriptFormat="javascript"><script>execution.setVariable('report', 'x'.repeat(5000))</script></scriptTask>
              </process>
            </definitions>
            """)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var started = await _office.PostAsJsonAsync("/api/definitions/grow/start", new { });

        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString();
        var incident = (await _office.GetFromJsonAsync<JsonElement>($"/api/incidents?instanceId={id}")).EnumerateArray().ShouldHaveSingleItem();
        incident.GetProperty("elementId").GetString().ShouldBe("fill");
        incident.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("'report'");
        incident.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("Engine:MaxVariableBytes");
    }

    [Fact]
    public async Task Deploy_Returns422NamingTheProcessAndTheLimit_WhenItHasTooManyFlowElements()
    {
        var tasks = string.Concat(Enumerable.Range(1, 11).Select(i => $"""<task id="t{i}"/>"""));

        using var response = await DeployAsync($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="sprawl" isExecutable="true"><startEvent id="start"/>{tasks}</process>
            </definitions>
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("elementId").GetString().ShouldBe("sprawl");
        problem.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("12 flow elements; the limit is 10 (Engine:Parser:MaxFlowNodes)");
    }

    [Theory]
    [InlineData("wait\u202Etxt", "wait.bpmn", "process id")]
    [InlineData("wait", "../../etc/wait.bpmn", "file name")]
    public async Task Deploy_Returns422_WhenAProcessIdOrFileNameBreaksTheRules(string processId, string fileName, string what)
    {
        using var response = await DeployAsync(Wait.Replace("id=\"wait\"", $"id=\"{processId}\"", StringComparison.Ordinal), fileName);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray();
        problems.Select(p => p.GetProperty("message").GetString()).ShouldContain(m => m!.Contains($"The {what}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyRequest_Returns413InTheProblemShapeChineseFirst_WhenTheBodyIsOverTheLimit()
    {
        using var response = await StartAsync(new { businessKey = "k", variables = new { notes = new string('x', 900), more = new string('y', 900), most = new string('z', 2500) } });

        var detail = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "HTTP-BODY-TOO-LARGE");
        detail.ShouldStartWith("请求内容过大");
        detail.ShouldContain("Security:MaxRequestBytes");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _office.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deploy_Returns413NamingTheDeploymentLimit_WhenTheFilesAreTooLarge()
    {
        using var small = await DeployAsync(Wait.Replace("<userTask id=\"work\"/>", $"<userTask id=\"work\" name=\"{new string('w', 4500)}\"/>", StringComparison.Ordinal));
        using var large = await DeployAsync(Wait.Replace("<userTask id=\"work\"/>", $"<userTask id=\"work\" name=\"{new string('w', 9000)}\"/>", StringComparison.Ordinal));

        small.StatusCode.ShouldBe(HttpStatusCode.Created, "a deployment may be larger than other requests");
        (await ProblemAsync(large, HttpStatusCode.RequestEntityTooLarge, "HTTP-BODY-TOO-LARGE")).ShouldContain("Security:MaxDeploymentBytes");
    }

    [Theory]
    [InlineData("P100000Y")]
    [InlineData("P4000D")]
    [InlineData("P10675199D")]
    [InlineData("P99999999999D")] // too large for .NET to read: a 422 "not a duration" before
    [InlineData("PT99999999999999S")]
    [InlineData("P20000W")]
    public async Task ClockAdvance_Returns400NamingTheLimit_WhenTheDurationIsAbsurd(string duration)
    {
        using var admin = _host.CreateClientFor("admin");

        using var response = await admin.PostAsJsonAsync("/api/clock/advance", new { duration });

        var detail = await ProblemAsync(response, HttpStatusCode.BadRequest, "CLOCK-ADVANCE-TOO-LARGE");
        detail.ShouldContain("P3660D");
        (await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "P30D" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> StartAsync(object body) => _office.PostAsJsonAsync("/api/definitions/wait/start", body);

    private Task<HttpResponseMessage> DeployAsync(string xml, string fileName = "model.bpmn")
    {
        var content = new MultipartFormDataContent { { new StringContent(xml, Encoding.UTF8, "application/xml"), "file", fileName } };
        return _office.PostAsync("/api/deployments", content);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code);
        return problem.GetProperty("detail").GetString()!;
    }
}
