using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Web;

/// <summary>The instance view lists the mails the instance sent; the office reads each as it went out, without the recipient's link.</summary>
[Collection(HostCollection.Name)]
public sealed class InstanceMailsBrowserTests
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="verify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <userTask id="check" name="核查整改情况" camunda:assignee="zhao.discipline" camunda:dueDate="P5D">
              <documentation>请核查整改落实情况。</documentation>
            </userTask>
          </process>
        </definitions>
        """;

    [SkippableFact]
    public async Task InstanceView_ShowsTheTaskMailSentToTheAssignee_AndOpensIt_WithoutItsLink()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("verify.bpmn", Model)])).Succeeded.ShouldBeTrue();
        var instance = await engine.StartAsync("verify", "2026-巡察-1");
        var office = browser.ApiClient();

        // The mail goes out in the background; its row says when.
        JsonElement mail = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var mails = (await office.GetFromJsonAsync<JsonElement>($"/api/instances/{instance}/mails")).EnumerateArray().ToList();
            if (mails.Count == 1 && mails[0].GetProperty("status").GetString() == nameof(OutboxStatus.Sent))
            {
                mail = mails[0];
                break;
            }
        }

        mail.ValueKind.ShouldBe(JsonValueKind.Object, "the task mail was sent");
        mail.GetProperty("recipient").GetString().ShouldBe("zhao.discipline");
        mail.GetProperty("recipientName").GetString().ShouldBe("赵敏");
        mail.GetProperty("subject").GetString()!.ShouldContain("核查整改情况");
        using (var leader = browser.ApiClient("chen.deputy"))
        {
            (await leader.GetAsync($"/api/instances/{instance}/mails")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var read = await office.GetStringAsync($"/api/instances/{instance}/mails/{mail.GetProperty("id").GetString()}");
        read.ShouldContain("核查整改情况");
        read.ShouldContain("zhao.discipline@college.example");
        read.ShouldContain("/t/…");
        read.ShouldNotMatch(@"/t/[A-Za-z0-9_\-]{16,}");

        await browser.GoAsync($"/instances/{instance}");
        var section = browser.Page.Locator("section[aria-labelledby=fd-mails]");
        await section.Locator("tbody tr").First.WaitForAsync();
        var text = await section.InnerTextAsync();
        text.ShouldContain("赵敏");
        text.ShouldContain("核查整改情况");
        text.ShouldContain("已发送");
        // The history speaks the page's language too, not the engine's event names.
        var history = await browser.Page.Locator("section[aria-labelledby=fd-history]").InnerTextAsync();
        history.ShouldContain("流程发起");
        history.ShouldContain("生成任务");
        history.ShouldNotContain("ElementEntered");
        await browser.ScreenshotAsync("instance-mails-zh");
        var serious = (await browser.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));
        browser.ConsoleErrors.ShouldBeEmpty();
    }
}
