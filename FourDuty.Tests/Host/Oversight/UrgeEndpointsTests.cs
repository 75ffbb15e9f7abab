using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Host.Mail;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.Oversight;

/// <summary>
/// 催办 through the real Host on the simulated clock, whose mail goes to the test SMTP server: the discipline secretary urges
/// a leader's task, the leader gets the mail with a link that opens the task, and the trail and the history keep it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class UrgeEndpointsTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="self-check" name="年度清单" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="lists"/>
            <userTask id="lists" name="填报年度责任清单" camunda:assignee="chen.deputy" camunda:dueDate="P5D">
              <documentation>请填报本年度责任清单、风险（问题）清单和措施清单。</documentation>
            </userTask>
            <sequenceFlow id="f2" sourceRef="lists" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private MailingHost _mailing = null!;

    private TestSmtpServer _smtp => _mailing.Smtp;

    private FourDutyHostFactory _host => _mailing.Host;

    private ProcessEngine _engine => _mailing.Engine;

    public async Task InitializeAsync() => _mailing = await MailingHost.StartAsync(new DeploymentResource("self-check.bpmn", Model));

    public Task DisposeAsync() => _mailing.DisposeAsync().AsTask();

    [Fact]
    public async Task Urge_AsDisciplineSecretary_MailsTheAssigneeTheirWorkingLink_AndIsAuditedAndInTheHistory()
    {
        var (instance, task) = await StartAsync("示范学院/2026-清单-1");
        using var zhao = _host.CreateClientFor("zhao.discipline");

        using var response = await zhao.PostAsJsonAsync($"/api/tasks/{task}/urge", new { message = "请于本周五前完成填报。" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var urge = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        urge["by"]!.GetValue<string>().ShouldBe("zhao.discipline");
        urge["recipients"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["chen.deputy"]);
        var mail = await _smtp.NextAsync();
        mail.EnvelopeTo.ShouldBe(["chen.deputy@college.example"]);
        (mail.Message.Subject ?? "").ShouldStartWith("【催办】填报年度责任清单");
        var text = mail.Message.TextBody ?? "";
        output.WriteLine(mail.Message.Subject + "\n" + text);
        text.ShouldContain("赵敏（纪委书记）于");
        text.ShouldContain("催办意见：请于本周五前完成填报。");
        var link = TaskLinkIn(text);
        link.ShouldStartWith("http://fourduty.test/t/");
        (mail.Message.HtmlBody ?? "").ShouldContain(link);
        using var leader = _host.CreateClient();
        var page = await leader.GetStringAsync(new Uri(link).PathAndQuery);
        page.ShouldContain("填报年度责任清单");

        var history = await _engine.Queries.GetHistoryAsync(instance);
        var urged = history.Single(h => h.Type == HistoryEventType.TaskCommented);
        urged.SubjectId.ShouldBe(task);
        urged.Details!.ShouldContain("\"type\":\"urge\"");
        urged.Details!.ShouldContain("zhao.discipline");
        var audit = (await zhao.GetFromJsonAsync<JsonArray>("/api/audit?operation=task.urge"))!;
        var entry = audit.Single()!;
        entry["actor"]!.GetValue<string>().ShouldBe("zhao.discipline");
        entry["status"]!.GetValue<int>().ShouldBe(200);
        entry["target"]!.GetValue<string>().ShouldContain(task.ToString());
        entry["summary"]!.GetValue<string>().ShouldBe("urged chen.deputy");
    }

    [Fact]
    public async Task Urge_AsLeader_Is403_AndAnUnknownOrClosedTask_Is404Or409()
    {
        var (_, task) = await StartAsync("示范学院/2026-清单-2");
        using var leader = _host.CreateClientFor("li.secretary");
        using var refused = await leader.PostAsJsonAsync($"/api/tasks/{task}/urge", new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = _host.CreateClientFor("zhao.discipline");
        var trail = (await auditor.GetFromJsonAsync<JsonArray>("/api/audit?operation=task.urge&actor=li.secretary"))!;
        trail.Single()!["status"]!.GetValue<int>().ShouldBe(403, "a refused urge is in the trail too");

        using var office = _host.CreateClientFor("zhou.office");
        using var unknown = await office.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/urge", new { });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldStartWith("没有这项任务");
        await _engine.CompleteTaskAsync(task, userId: "chen.deputy");
        using var closed = await office.PostAsJsonAsync($"/api/tasks/{task}/urge", new { });
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await closed.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldStartWith("任务已不在办理中，无需催办");
        using var tooLong = await office.PostAsJsonAsync($"/api/tasks/{task}/urge", new { message = new string('催', 201) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Urge_TwiceWithinTheHour_Is429WithTheNextAllowedTime_AndAllowedAgainAfterIt()
    {
        var (instance, task) = await StartAsync("示范学院/2026-清单-3");
        using var office = _host.CreateClientFor("zhou.office");
        using var zhao = _host.CreateClientFor("zhao.discipline");
        using var first = await office.PostAsJsonAsync($"/api/tasks/{task}/urge", new { });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var at = (await first.Content.ReadFromJsonAsync<JsonObject>())!["at"]!.GetValue<DateTimeOffset>();
        await _smtp.NextAsync();

        await _engine.AdvanceClockAsync(TimeSpan.FromMinutes(59));
        using var second = await zhao.PostAsJsonAsync($"/api/tasks/{task}/urge", new { message = "再次催办" });

        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var problem = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["code"]!.GetValue<string>().ShouldBe("TASK-URGE-TOO-SOON");
        problem["nextAllowedAt"]!.GetValue<DateTimeOffset>().ShouldBe(at.AddHours(1));
        problem["detail"]!.GetValue<string>().ShouldContain("由周丽催办");
        (await _engine.Queries.GetHistoryAsync(instance)).Count(h => h.Type == HistoryEventType.TaskCommented).ShouldBe(1);

        await _engine.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        using var third = await zhao.PostAsJsonAsync($"/api/tasks/{task}/urge", new { message = "再次催办" });
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _smtp.NextAsync()).Message.TextBody!.ShouldContain("催办意见：再次催办");
    }

    private async Task<(Guid Instance, Guid Task)> StartAsync(string businessKey)
    {
        var instance = await _engine.StartAsync("self-check", businessKey);
        var task = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().Id;
        (await _smtp.NextAsync()).Message.Subject!.ShouldContain("填报年度责任清单");
        return (instance, task);
    }
}
