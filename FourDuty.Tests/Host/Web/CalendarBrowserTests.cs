using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The office keeps the working-day calendar: a wrong entry is refused, a new holiday shows which deadlines now fall on it.</summary>
[Collection(HostCollection.Name)]
public sealed class CalendarBrowserTests
{
    [SkippableFact]
    public async Task Office_AddsAHoliday_SeesTheDeadlineNowOnADayOff_AndConfirmsNextYear()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host);
        await InboxScenario.StartAsync(browser.ApiClient());

        await browser.GoAsync("/calendar");
        var banner = browser.Page.Locator(".fd-error[role=alert]");
        (await banner.InnerTextAsync()).ShouldContain("2027 年的日历尚未确认");
        (await browser.Page.Locator("td[data-date='2026-10-01']").GetAttributeAsync("class") ?? "").ShouldContain("fd-holiday");
        (await browser.Page.Locator("td[data-date='2026-12-09']").GetAttributeAsync("class") ?? "").ShouldContain("fd-workday");
        await browser.ScreenshotAsync("calendar-2026-zh");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "增加放假安排" }).ClickAsync();
        var row = browser.Page.Locator(".fd-edit-table tbody tr").Nth(7);
        await row.Locator(".fd-h-name").FillAsync("校庆调休");
        await row.Locator(".fd-h-from").FillAsync("2026-12-09");
        await row.Locator(".fd-h-to").FillAsync("2026-12-08");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "保存本年日历" }).ClickAsync();
        (await browser.Page.Locator("[role=status] .fd-error").InnerTextAsync()).ShouldContain("2026");
        await browser.ScreenshotAsync("calendar-refused-zh");

        await row.Locator(".fd-h-to").FillAsync("2026-12-09");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "保存本年日历" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("2026 年日历已保存").WaitForAsync();
        (await browser.Page.Locator("td[data-date='2026-12-09']").GetAttributeAsync("class") ?? "").ShouldContain("fd-holiday");
        (await browser.Page.Locator(".fd-warning").InnerTextAsync()).ShouldContain("审核措施清单");
        await browser.ScreenshotAsync("calendar-deadline-on-day-off-zh");

        await browser.Page.Locator(".fd-years a", new() { HasText = "2027" }).ClickAsync();
        await browser.Page.GetByLabel("状态").SelectOptionAsync("official");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "保存本年日历" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("2027 年日历已保存").WaitForAsync();
        (await browser.Page.Locator(".fd-error[role=alert]").CountAsync()).ShouldBe(0, "no year in use is unconfirmed any more");

        var audit = await browser.ApiClient("admin").GetStringAsync("/api/audit?operation=calendar.");
        audit.ShouldContain("year=2026");
        var serious = (await browser.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));
        browser.ConsoleErrors.ShouldAllBe(error => error.Contains("status of 422", StringComparison.Ordinal));
    }
}
