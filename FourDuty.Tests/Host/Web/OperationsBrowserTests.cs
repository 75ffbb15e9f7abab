using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The administrator's page: accounts and roles, the audit trail and its export, links to the outbox and the jobs.</summary>
[Collection(HostCollection.Name)]
public sealed class OperationsBrowserTests
{
    [SkippableFact]
    public async Task Admin_GivesABranchSecretaryTheOfficeRole_SeesItInTheAuditTrail_AndExportsIt()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "xu.office");

        await browser.GoAsync("/operations");
        var row = browser.Page.Locator("tr[data-account='sun.branch']");
        await row.WaitForAsync();
        (await browser.Page.Locator(".fd-cards").InnerTextAsync()).ShouldContain("邮件发件箱");
        await row.GetByLabel("党委办公室").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "保存角色" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("已保存 sun.branch 的角色").WaitForAsync();
        (await browser.ApiClient("admin").GetStringAsync("/api/accounts")).ShouldContain("\"id\":\"sun.branch\"");

        await browser.Page.GetByLabel("操作（前缀，如 task.）").FillAsync("account.");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await browser.Page.Locator("section[aria-labelledby=fd-ops-audit] tbody tr", new() { HasText = "account.roles" }).WaitForAsync();
        await browser.ScreenshotAsync("operations-zh");

        var download = await browser.Page.RunAndWaitForDownloadAsync(() =>
            browser.Page.GetByRole(AriaRole.Button, new() { Name = "导出 Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");

        var serious = (await browser.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Admin_SetsAPassword_AndTheRowSaysSoAtOnce()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "xu.office");

        await browser.GoAsync("/operations");
        var row = browser.Page.Locator("tr[data-account='sun.branch']");
        await row.WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("未设密码");
        await row.GetByLabel("sun.branch 的新密码").FillAsync("a password of twelve or more");
        await row.GetByRole(AriaRole.Button, new() { Name = "设置密码" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("已为 sun.branch 设置新密码。").WaitForAsync();

        var text = await row.InnerTextAsync();
        text.ShouldContain("已设密码");
        text.ShouldNotContain("未设密码");
        (await row.GetByLabel("sun.branch 的新密码").InputValueAsync()).ShouldBeEmpty();
        var accounts = System.Text.Json.JsonDocument.Parse(await browser.ApiClient("admin").GetStringAsync("/api/accounts")).RootElement;
        accounts.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "sun.branch").GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Leader_SeesNoOperations()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "chen.deputy");

        await browser.GoAsync("/operations");

        (await browser.Page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("没有使用此功能的权限");
        (await browser.Page.Locator(".fd-nav").InnerTextAsync()).ShouldNotContain("系统运维");
    }
}
