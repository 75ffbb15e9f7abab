using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The designer's test-run in a real browser: a missed deadline, its reminder and escalation mails, tokens on the diagram.</summary>
[Collection(HostCollection.Name)]
public sealed class TestRunBrowserTests
{
    [SkippableFact]
    public async Task TestRun_ShowsReminderMailAndEscalation_WhenSteppedPastTheDeadline()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        using var api = await WebFixtures.OpenDeadlineReminderAsync(browser);
        var page = browser.Page;

        await page.Locator("#fd-tab-side-testrun").ClickAsync();
        await page.Locator("#fd-run-start").FillAsync("2027-01-04T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始试运行" }).ClickAsync();
        await page.Locator(".fd-run-tasks").GetByText("报送责任清单").WaitForAsync();
        (await page.Locator(".fd-token-badge[data-element-id=SubmitLists]").InnerTextAsync()).ShouldBe("1");

        await NextTimerAsync(page);
        await page.Locator(".fd-run-mails").GetByText("【到期提醒】报送责任清单").WaitForAsync();
        await NextTimerAsync(page);
        var escalation = page.Locator(".fd-run-mails li").Filter(new() { HasText = "【补漏补缺】" });
        await escalation.WaitForAsync();
        (await escalation.InnerTextAsync()).ShouldContain("zhao.discipline@college.example");
        (await escalation.InnerTextAsync()).ShouldContain("1月11日");
        (await escalation.InnerTextAsync()).ShouldContain("工作日");
        (await page.Locator(".fd-run-tasks .fd-badge-red").InnerTextAsync()).ShouldBe("已逾期");
        (await page.Locator(".fd-run-events").InnerTextAsync()).ShouldContain("定时器触发");
        await browser.ScreenshotAsync("testrun-escalated");

        await page.Locator(".fd-run-mails").GetByText("【到期提醒】报送责任清单").ClickAsync();
        var mail = page.FrameLocator(".fd-mail-frame");
        await mail.GetByText("报送责任清单").First.WaitForAsync();
        await browser.ScreenshotAsync("testrun-reminder-mail");
        await page.Locator(".fd-mail-dialog").GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();

        await page.Locator(".fd-run-tasks").GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        var form = page.Locator(".fd-dialog .fd-task-form");
        await form.GetByLabel("责任清单").FillAsync("一、落实主体责任");
        await browser.ScreenshotAsync("testrun-task-form");
        await page.Locator(".fd-dialog").GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.Locator(".fd-run-events").GetByText("任务办结").WaitForAsync();
        (await page.Locator(".fd-run-tasks li").CountAsync()).ShouldBe(0);

        // Nothing reached the service: no instance, no mail in its pickup folder.
        (await api.GetStringAsync("/api/instances")).ShouldBe("[]");
        (Directory.Exists(host.PickupFolder) ? Directory.GetFiles(host.PickupFolder) : []).ShouldBeEmpty();
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task NextTimerAsync(IPage page)
    {
        var before = await page.Locator("[data-now]").GetAttributeAsync("data-now");
        await page.Locator(".fd-run-steps .fd-button").ClickAsync();
        await page.WaitForFunctionAsync("before => document.querySelector('[data-now]')?.getAttribute('data-now') !== before", before);
    }
}
