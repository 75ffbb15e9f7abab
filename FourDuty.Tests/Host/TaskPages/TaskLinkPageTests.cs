using FourDuty.Engine.Runtime.Tasks;
using System.Net;
using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Host.TaskPages;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.TaskPages;

/// <summary>The page an emailed task link opens, through the running Host, as a browser and a mail scanner use it.</summary>
[Collection(HostCollection.Name)]
public sealed partial class TaskLinkPageTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="verify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <userTask id="check" name="核查整改情况" camunda:assignee="zhao.discipline" camunda:dueDate="P5D">
              <documentation>请核查整改落实情况（依据第十六条）。</documentation>
            </userTask>
            <sequenceFlow id="f2" sourceRef="check" targetRef="report"/>
            <userTask id="report" name="形成书面报告" camunda:assignee="zhou.office"/>
          </process>
        </definitions>
        """;

    private readonly FourDutyHostFactory _host = new();
    private ProcessEngine _engine = null!;
    private Guid _taskId;

    public async Task InitializeAsync()
    {
        _engine = _host.Services.GetRequiredService<ProcessEngine>();
        (await _engine.DeployAsync([new DeploymentResource("verify.bpmn", Model)])).Succeeded.ShouldBeTrue();
        var instance = await _engine.StartAsync("verify", "college-a/2026-1");
        _taskId = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetAndHead_ShowTheTask_AndChangeNothing()
    {
        var token = await LinkAsync("zhao.discipline");
        using var client = _host.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, TaskPageEndpoints.Prefix + token));
        using var get = await client.GetAsync(TaskPageEndpoints.Prefix + token);
        var page = await get.Content.ReadAsStringAsync();

        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("核查整改情况");
        page.ShouldContain("依据第十六条");
        page.ShouldContain("反馈整改");
        // The task page's script takes over where it runs; without it (or for a scanner) the page is the form as HTML.
        Regex.Matches(page, "<script[^>]*>").Select(m => m.Value).ShouldAllBe(tag => tag.StartsWith("<script type=\"module\" src=\"/app/task-", StringComparison.Ordinal));
        page.ShouldContain("<form method=\"post\"");
        get.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        get.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await _engine.Queries.GetTaskAsync(_taskId))!.Status.ShouldBe(FourDuty.Engine.Runtime.State.UserTaskStatus.Open);
        (await _engine.ReadTaskLinkAsync(TaskLinkTokens.Hash(token))).Status.ShouldBe(FourDuty.Engine.Runtime.Tasks.TaskLinkStatus.Open);
    }

    [Fact]
    public async Task PostFromThePage_CompletesTheTask_AndASecondPostSaysAlreadyDone()
    {
        var token = await LinkAsync("zhao.discipline");
        using var client = _host.CreateClient();
        var page = await client.GetStringAsync(TaskPageEndpoints.Prefix + token);

        using var first = await client.PostAsync(TaskPageEndpoints.Prefix + token, EmptyFormFrom(page));
        using var second = await client.PostAsync(TaskPageEndpoints.Prefix + token, EmptyFormFrom(page));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).ShouldContain("已办理完成");
        var task = (await _engine.Queries.GetTaskAsync(_taskId))!;
        task.CompletedBy.ShouldBe("zhao.discipline");
        (await _engine.Queries.ListTasksAsync(new(InstanceId: task.InstanceId))).Single().ElementId.ShouldBe("report");
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("由 赵敏（纪委书记） 办理完成");
    }

    [Fact]
    public async Task PostWithoutTheFormToken_IsRefusedAndChangesNothing()
    {
        var token = await LinkAsync("zhao.discipline");
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(TaskPageEndpoints.Prefix + token, new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _engine.Queries.GetTaskAsync(_taskId))!.Status.ShouldBe(FourDuty.Engine.Runtime.State.UserTaskStatus.Open);
    }

    [Fact]
    public async Task ForgedExpiredAndReassignedLinks_GetClearPages()
    {
        var expired = await LinkAsync("zhao.discipline", TimeSpan.FromMinutes(-1));
        var reassigned = await LinkAsync("zhao.discipline");
        await _engine.ChangeAssigneeAsync(_taskId, AssigneeChange.Assign, "li.secretary");
        using var client = _host.CreateClient();

        using var forged = await client.GetAsync(TaskPageEndpoints.Prefix + TaskLinkTokens.Create());
        using var mangled = await client.GetAsync(TaskPageEndpoints.Prefix + "not-a-token");
        using var old = await client.GetAsync(TaskPageEndpoints.Prefix + expired);
        using var moved = await client.GetAsync(TaskPageEndpoints.Prefix + reassigned);

        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("链接无效");
        mangled.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        old.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await old.Content.ReadAsStringAsync()).ShouldContain("链接已过期");
        moved.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await moved.Content.ReadAsStringAsync()).ShouldContain("李明（党委书记）");
    }

    [Fact]
    public async Task Link_AuthorisesItsOwnTaskOnly_AndSignsNobodyIn()
    {
        var token = await LinkAsync("zhao.discipline");
        var other = (await _engine.Queries.ListTasksAsync(new(InstanceId: await _engine.StartAsync("verify", "college-a/2026-2")))).Single().Id;
        using var browser = _host.CreateBrowser();
        var page = await browser.GetStringAsync(TaskPageEndpoints.Prefix + token);

        // The link as a bearer credential, and the page's form pointed at another task: neither reaches the other task.
        using var asBearer = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{other}/complete") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        asBearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var bearer = await browser.SendAsync(asBearer);
        using var posted = await browser.PostAsync(TaskPageEndpoints.Prefix + token,
            new FormUrlEncodedContent([AntiforgeryField(page), new("taskId", other.ToString()), new("id", other.ToString())]));

        bearer.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _engine.Queries.GetTaskAsync(_taskId))!.Status.ShouldBe(FourDuty.Engine.Runtime.State.UserTaskStatus.Completed);
        (await _engine.Queries.GetTaskAsync(other))!.Status.ShouldBe(FourDuty.Engine.Runtime.State.UserTaskStatus.Open);
        posted.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBe(false, string.Join(";", cookies ?? []));
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "using a link signs nobody in");
        (await browser.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Link_StopsWorking_WhenTheInstanceIsCancelled()
    {
        var token = await LinkAsync("zhao.discipline");
        await _engine.CancelInstanceAsync((await _engine.Queries.GetTaskAsync(_taskId))!.InstanceId, "the feedback was withdrawn");
        using var client = _host.CreateClient();

        using var page = await client.GetAsync(TaskPageEndpoints.Prefix + token);

        page.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await page.Content.ReadAsStringAsync()).ShouldContain("任务已撤回");
    }

    [Fact]
    public async Task LinkPosts_AreRateLimitedPerAddress()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["Security:TaskLinkPostsPerMinute"] = "2" });
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.PostAsync(TaskPageEndpoints.Prefix + TaskLinkTokens.Create(), new FormUrlEncodedContent([]));
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);
    }

    private async Task<string> LinkAsync(string person, TimeSpan? lifetime = null)
    {
        var token = TaskLinkTokens.Create();
        await _engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), _taskId, person, DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromDays(30)));
        return token;
    }

}
