using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The office's instance pages: find an instance stopped by an incident, see where it stands, fix its data, retry.</summary>
[Collection(HostCollection.Name)]
public sealed class InstancesBrowserTests
{
    [SkippableFact]
    public async Task Office_FindsTheInstanceWithAnIncident_SetsTheMissingVariable_AndRetries()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        var office = browser.ApiClient();
        await WebFixtures.DeployAsync(office, "incident-demo.bpmn");
        using var started = await office.PostAsJsonAsync("/api/definitions/incident-demo/start", new { businessKey = "2026-经费-01" });
        started.EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync("/api/definitions/incident-demo/start", new { businessKey = "2026-经费-02" })).EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetGuid();
        using var chen = browser.ApiClient("chen.deputy");
        var review = (await office.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={id}"))[0].GetProperty("id").GetGuid();
        // No amount: the gateway's condition fails, and the instance stops there with an incident.
        (await chen.PostAsJsonAsync($"/api/tasks/{review}/complete", new { variables = new { } })).EnsureSuccessStatusCode();

        await browser.GoAsync("/instances");
        await browser.Page.Locator(".fd-table tbody tr").First.WaitForAsync();
        (await browser.Page.Locator(".fd-table tbody tr").CountAsync()).ShouldBe(2);
        await browser.Page.GetByLabel("仅显示有故障的").CheckAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**incident=1**");
        await browser.Page.Locator(".fd-table tbody tr").First.WaitForAsync();
        (await browser.Page.Locator(".fd-table tbody tr").CountAsync()).ShouldBe(1);
        (await browser.Page.Locator(".fd-table tbody").InnerTextAsync()).ShouldContain("2026-经费-01");
        await browser.ScreenshotAsync("instances-list-zh");

        await browser.Page.Locator(".fd-table tbody a").First.ClickAsync();
        await browser.Page.Locator(".djs-element.fd-token-here[data-element-id=Amount]").WaitForAsync();
        (await browser.Page.Locator("[data-ran=Review]").InnerTextAsync()).ShouldBe("1");
        (await browser.Page.Locator("section[aria-labelledby=fd-incidents]").InnerTextAsync()).ShouldContain("Amount");
        await browser.ScreenshotAsync("instance-incident-zh");

        await browser.Page.GetByLabel("新增或修改变量：名称").FillAsync("amount");
        await browser.Page.GetByLabel("值（JSON，如 5、\"文字\"、true）").FillAsync("5");
        await browser.Page.Locator(".fd-new-variable button").ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("已保存变量 amount").WaitForAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();

        await browser.Page.Locator(".djs-element.fd-token-here[data-element-id=Record]").WaitForAsync();
        (await browser.Page.Locator("section[aria-labelledby=fd-incidents]").InnerTextAsync()).ShouldContain("没有未处理的故障");
        (await browser.Page.Locator("section[aria-labelledby=fd-tasks]").InnerTextAsync()).ShouldContain("登记备案");
        await browser.ScreenshotAsync("instance-after-retry-zh");
        // 催办 from the open task: the office's message goes with the mail, the history keeps who urged.
        var tasks = browser.Page.Locator("section[aria-labelledby=fd-tasks]");
        await tasks.GetByLabel("催办意见（选填，200字以内）").FillAsync("请尽快登记备案");
        await tasks.GetByRole(AriaRole.Button, new() { Name = "催办" }).ClickAsync();
        (await tasks.Locator(".fd-urge-status .fd-ok").InnerTextAsync()).ShouldStartWith("已催办，提醒邮件发给：");
        await browser.Page.ReloadAsync();
        (await browser.Page.Locator("section[aria-labelledby=fd-history]").InnerTextAsync()).ShouldContain("催办：请尽快登记备案");
        var audit = await browser.ApiClient("admin").GetStringAsync("/api/audit?operation=instance.variables");
        audit.ShouldContain("set amount");
        var serious = (await browser.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Leader_IsRefusedTheInstances_WithASignInOffer()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "chen.deputy");

        await browser.GoAsync("/instances");

        (await browser.Page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("没有使用此功能的权限");
        (await browser.Page.Locator(".fd-nav").InnerTextAsync()).ShouldNotContain("流程实例");
        await browser.ScreenshotAsync("instances-leader-refused");
    }
}
