using FourDuty.Engine.Runtime.Tasks;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Host.TaskPages;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.TaskPages;

/// <summary>Task forms: deployed with the process, shown on the link page, checked on the server for the API and the page alike.</summary>
[Collection(HostCollection.Name)]
public sealed partial class TaskFormTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="rectify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
            <userTask id="report" name="报送整改情况" camunda:assignee="chen.deputy" camunda:formKey="camunda-forms:deployment:rectification-report.form"/>
            <sequenceFlow id="f2" sourceRef="report" targetRef="verify"/>
            <userTask id="verify" name="核查" camunda:assignee="zhao.discipline"/>
          </process>
        </definitions>
        """;

    private static readonly string Form = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Host/TaskPages/Fixtures/rectification-report.form"));

    private readonly FourDutyHostFactory _host = new();
    private HttpClient _client = null!;
    private HttpClient _leader = null!;
    private HttpClient _browser = null!;
    private ProcessEngine _engine = null!;
    private Guid _taskId;

    public async Task InitializeAsync()
    {
        _client = _host.CreateClientFor("zhou.office");
        _leader = _host.CreateClientFor("chen.deputy");
        _browser = _host.CreateClient();
        _engine = _host.Services.GetRequiredService<ProcessEngine>();
        using var deployed = await _client.PostAsync("/api/deployments", new MultipartFormDataContent
        {
            { new StringContent(Model, Encoding.UTF8, "application/xml"), "file", "rectify.bpmn" },
            { new StringContent(Form, Encoding.UTF8, "application/json"), "file", "rectification-report.form" },
        });
        deployed.StatusCode.ShouldBe(HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());
        var instance = await _engine.StartAsync("rectify", "示范学院/巡察-3");
        _taskId = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().Id;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _leader.Dispose();
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task DeployingABrokenForm_Returns422NamingTheFormProblem()
    {
        using var response = await _client.PostAsync("/api/deployments", new MultipartFormDataContent
        {
            { new StringContent(Form.Replace("\"key\": \"summary\"", "\"key\": \"1 bad key\"", StringComparison.Ordinal), Encoding.UTF8), "file", "broken.form" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().First();
        problem.GetProperty("code").GetString()!.ShouldStartWith("FORM-SCHEMA");
        problem.GetProperty("file").GetString().ShouldBe("broken.form");
    }

    [Fact]
    public async Task DeployingAProcessWhoseTaskNamesAMissingForm_Returns422NamingTheTask()
    {
        var model = Model.Replace("rectification-report.form", "missing.form", StringComparison.Ordinal).Replace("id=\"rectify\"", "id=\"rectify2\"", StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/deployments", new StringContent(model, Encoding.UTF8, "application/xml"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Single();
        problem.GetProperty("elementId").GetString().ShouldBe("report");
        problem.GetProperty("message").GetString()!.ShouldContain("missing.form");
        (await _engine.Queries.ListDefinitionsAsync("rectify2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiCompletion_RefusesInvalidVariablesWithEveryFieldError_AndAcceptsValidOnes()
    {
        using var refused = await _leader.PostAsJsonAsync($"/api/tasks/{_taskId}/complete",
            new { variables = new { summary = "太短", rating = "perfect", extra = 1 } });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("key").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldBe([("summary", "FORM-MIN-LENGTH"), ("completedOn", "FORM-REQUIRED"), ("rating", "FORM-OPTION"), ("confirmed", "FORM-REQUIRED"),
            ("extra", "FORM-UNKNOWN-FIELD")], ignoreOrder: true);

        using var accepted = await _leader.PostAsJsonAsync($"/api/tasks/{_taskId}/complete",
            new { variables = new { summary = "已完成全部十项整改措施并销号。", completedOn = "2026-11-20", rating = "good", confirmed = true } });
        accepted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task LinkPage_ShowsTheFormFields_RefusesAnInvalidPost_ThenCompletesWithTheVariables()
    {
        var token = TaskLinkTokens.Create();
        await _engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), _taskId, "chen.deputy", DateTimeOffset.UtcNow.AddDays(1));
        var page = await _browser.GetStringAsync(TaskPageEndpoints.Prefix + token);
        page.ShouldContain("整改情况");
        page.ShouldContain("type=\"date\" id=\"completedOn\"");
        page.ShouldContain("value=\"good\"");
        KeyValuePair<string, string> Field(string name, string value) => new(name, value);
        var af = AntiforgeryField(page);

        using var invalid = await _browser.PostAsync(TaskPageEndpoints.Prefix + token, new FormUrlEncodedContent([af, Field("summary", "短")]));
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        invalidPage.ShouldContain("此项为必填项");
        invalidPage.ShouldContain("内容过短，至少需要 10 个字");
        invalidPage.ShouldNotContain("must have at least");
        invalidPage.ShouldContain(">短</textarea>");

        using var valid = await _browser.PostAsync(TaskPageEndpoints.Prefix + token, new FormUrlEncodedContent([
            AntiforgeryField(invalidPage),
            Field("summary", "已完成全部十项整改措施并销号。"), Field("completedOn", "2026-11-20"), Field("rating", "excellent"), Field("confirmed", "true")]));
        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var task = (await _engine.Queries.GetTaskAsync(_taskId))!;
        var variables = (await _engine.Queries.GetInstanceAsync(task.InstanceId))!.Variables.ToDictionary(v => v.Name, v => v.Json);
        variables["rating"].ShouldBe("\"excellent\"");
        variables["confirmed"].ShouldBe("true");
        variables["completedOn"].ShouldBe("\"2026-11-20\"");
    }
}
