using FourDuty.Workflows.Notifications;
using System.Net;
using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.Mail;

/// <summary>Without SMTP, mail lands in the pickup folder and the outbox page shows it rendered, with its working link.</summary>
[Collection(HostCollection.Name)]
public sealed partial class OutboxPageTests
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="p" name="年度清单" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="claim"/>
            <userTask id="claim" name="认领项目清单" camunda:assignee="wang.president"/>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task OutboxPage_ShowsEveryMessageRendered_WithAWorkingTaskLink_ForAdministratorsOnly()
    {
        await using var host = new FourDutyHostFactory();
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("p.bpmn", Model)])).Succeeded.ShouldBeTrue();
        await engine.StartAsync("p");
        var sent = await host.WaitForOutboxAsync(row => row.Status == OutboxStatus.Sent);
        using var stranger = host.CreateBrowser();
        using var office = host.CreateClientFor("zhou.office");
        using var operatorClient = host.CreateClientFor("admin");

        using var refused = await stranger.GetAsync("/outbox");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/signin?returnUrl=%2Foutbox");
        (await office.GetAsync("/outbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the office is signed in, but not an administrator");
        var list = await operatorClient.GetStringAsync("/outbox");
        var message = await operatorClient.GetStringAsync($"/outbox/{sent.Id}");

        list.ShouldContain("认领项目清单");
        list.ShouldContain("王华");
        File.Exists(Path.Combine(host.PickupFolder, $"{sent.Id:N}.eml")).ShouldBeTrue();
        var link = TaskLinkIn(message);
        link.ShouldNotBeEmpty(message);
        using var page = await stranger.GetAsync(new Uri(link).AbsolutePath);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("认领项目清单");
    }

    [Fact]
    public async Task OutboxPage_ShowsAMailThatNobodyCouldReceive_AsFailedWithTheReason()
    {
        await using var host = new FourDutyHostFactory();
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("p.bpmn", Model.Replace("wang.president", "chengang"))])).Succeeded.ShouldBeTrue();
        await engine.StartAsync("p");

        var failed = await host.WaitForOutboxAsync(row => row.Status == OutboxStatus.Failed);
        using var operatorClient = host.CreateClientFor("admin");
        var list = await operatorClient.GetStringAsync("/outbox");

        failed.LastError.ShouldBe("'chengang' is not in the organisation file; add the person, or correct the task's assignee or candidates.");
        list.ShouldContain("chengang");
        list.ShouldContain("is not in the organisation file");
        (Directory.Exists(host.PickupFolder) ? Directory.GetFiles(host.PickupFolder) : []).ShouldBeEmpty();
    }
}
