using FourDuty.Workflows.Notifications;
using System.Net;
using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.Mail;

/// <summary>
/// From a new task to the completed task, the way a leader lives it: the Host sends the task mail through a real
/// SMTP server running in the test, the leader follows the link, and the page's button completes the task.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class TaskMailEndToEndTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="verify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <userTask id="check" name="核查整改情况" camunda:assignee="role:DisciplineSecretary" camunda:dueDate="P5D">
              <documentation>请核查巡察反馈问题的整改落实情况，逐项销号。</documentation>
              <extensionElements><camunda:properties><camunda:property name="article" value="第十六条"/></camunda:properties></extensionElements>
            </userTask>
            <sequenceFlow id="f2" sourceRef="check" targetRef="report"/>
            <userTask id="report" name="形成书面报告" camunda:assignee="zhou.office"/>
          </process>
        </definitions>
        """;

    private MailingHost _mailing = null!;

    private TestSmtpServer _smtp => _mailing.Smtp;

    private FourDutyHostFactory _host => _mailing.Host;

    private ProcessEngine _engine => _mailing.Engine;

    public async Task InitializeAsync() => _mailing = await MailingHost.StartAsync(new DeploymentResource("verify.bpmn", Model));

    public Task DisposeAsync() => _mailing.DisposeAsync().AsTask();

    [Fact]
    public async Task NewTask_MailsTheAssignee_AndTheLinkCompletesTheTask()
    {
        var instance = await _engine.StartAsync("verify", "示范学院/2026-巡察-1");

        var mail = await _smtp.NextAsync();
        mail.EnvelopeTo.ShouldBe(["zhao.discipline@college.example"]);
        mail.Message.To.ToString().ShouldContain("赵敏");
        (mail.Message.Subject ?? "").ShouldContain("核查整改情况");
        var text = mail.Message.TextBody ?? "";
        text.ShouldContain("第十六条");
        text.ShouldContain("示范学院/2026-巡察-1");
        var link = TaskLinkIn(text);
        link.ShouldStartWith("http://fourduty.test/t/");
        (mail.Message.HtmlBody ?? "").ShouldContain(link);
        var outbox = (await _engine.Queries.ListOutboxAsync(10)).Single();
        mail.Message.MessageId.ShouldBe($"{outbox.Id:N}@fourduty.mail");

        using var client = _host.CreateClient();
        var path = new Uri(link).AbsolutePath;
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await client.GetStringAsync(path);
        (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().ElementId.ShouldBe("check");

        using var posted = await client.PostAsync(path, EmptyFormFrom(page));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().ElementId.ShouldBe("report");
        (await WaitForOutboxAsync(rows => rows.Any(r => r.Status == OutboxStatus.Sent) && rows.Where(r => r.Status == OutboxStatus.Sent).All(r => r.Reply is not null))).ShouldBeTrue();
    }

    [Fact]
    public async Task MailDeliveredAgain_CarriesTheSameLinkAndMessageId_AndTheTaskHasOneLink()
    {
        var instance = await _engine.StartAsync("verify", "示范学院/2026-巡察-2");
        var first = await _smtp.NextAsync();
        (await WaitForOutboxAsync(rows => rows.All(r => r.Status == OutboxStatus.Sent))).ShouldBeTrue();
        var row = (await _engine.Queries.ListOutboxAsync(10)).Single();
        var task = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single();
        // The link is the step's: written with the task and its mail, before any delivery.
        (await LinksOfAsync(task.Id)).Count.ShouldBe(1);

        // What the next claim does when a node sent the mail and died before recording it (or the server took DATA and
        // the connection broke before its reply): the same row delivered again.
        var handler = _host.Services.GetServices<FourDuty.Engine.Outbox.IOutboxHandler>().Single(h => h.Kind == TaskMailListener.MailKind);
        var again = await handler.DeliverAsync(
            new FourDuty.Engine.Outbox.OutboxMessage(row.Id, row.Kind, row.Key, row.Payload, row.Attempts, row.InstanceId, row.TaskId), default);
        again.Kind.ShouldBe(FourDuty.Engine.Outbox.OutboxOutcomeKind.Sent);
        var second = await _smtp.NextAsync();

        second.Message.MessageId.ShouldBe(first.Message.MessageId);
        second.Message.MessageId.ShouldBe($"{row.Id:N}@fourduty.mail");
        var link = TaskLinkIn(first.Message.TextBody ?? "");
        TaskLinkIn(second.Message.TextBody ?? "").ShouldBe(link);
        var links = await LinksOfAsync(task.Id);
        links.Count.ShouldBe(1);
        var token = new Uri(link).AbsolutePath.Split('/').Last();
        links.Single().TokenHash.ShouldBe(FourDuty.Engine.Runtime.Tasks.TaskLinkTokens.Hash(token));
        links.Single().Person.ShouldBe("zhao.discipline");
        (await _engine.ReadTaskLinkAsync(links.Single().TokenHash)).Status.ShouldBe(FourDuty.Engine.Runtime.Tasks.TaskLinkStatus.Open);
    }

    private async Task<List<TaskLinkRecord>> LinksOfAsync(Guid taskId)
    {
        var contexts = _host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<FourDuty.Engine.Persistence.EngineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.TaskLinks.AsNoTracking().Where(l => l.TaskId == taskId).ToListAsync();
    }

    [Fact]
    public async Task SmtpDown_MailsWaitAndRetry_AndAllArriveOnceItIsBack()
    {
        await _smtp.StopAsync();
        await _engine.StartAsync("verify", "a");
        await _engine.StartAsync("verify", "b");
        await _engine.StartAsync("verify", "c");
        (await WaitForOutboxAsync(rows => rows.Count == 3 && rows.All(r => r.LastError != null))).ShouldBeTrue();
        (await _engine.Queries.ListOutboxAsync(10)).ShouldAllBe(r => r.Status == OutboxStatus.Pending && r.Attempts >= 1);

        await _smtp.RestartAsync();
        await _engine.AdvanceClockAsync(TimeSpan.FromMinutes(2));

        var arrived = new[] { await _smtp.NextAsync(), await _smtp.NextAsync(), await _smtp.NextAsync() };
        arrived.Select(m => m.Message.MessageId).Distinct().Count().ShouldBe(3);
        // The server has the third mail a moment before the node records it as sent.
        (await WaitForOutboxAsync(rows => rows.All(r => r.Status == OutboxStatus.Sent))).ShouldBeTrue();
        var rows = await _engine.Queries.ListOutboxAsync(10);
        rows.Select(r => $"{r.Id:N}@fourduty.mail").ShouldBe(arrived.Select(m => m.Message.MessageId), ignoreOrder: true);
    }

    private async Task<bool> WaitForOutboxAsync(Func<IReadOnlyList<OutboxRecord>, bool> done)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var rows = await _engine.Queries.ListOutboxAsync(100);
            if (rows.Count > 0 && done(rows))
            {
                return true;
            }
        }

        return false;
    }

}
