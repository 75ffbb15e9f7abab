using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Tests.Workflows;
using FourDuty.Tests.Workflows.Oversight;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>
/// The oversight dashboard in a real browser, on the year of records of <see cref="OversightYear"/> seen on a simulated
/// clock that starts on 5 June 2026 (陈刚's item due 10 June is then yellow) and is moved past that deadline.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DashboardBrowserTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 5, 9, 0, 0, TimeSpan.FromHours(8));

    [SkippableFact]
    public async Task Dashboard_ShowsTheSubjectRed_AfterItsDeadlinePasses_AndDownloadsTheLedgerWithTheFilter()
    {
        await using var host = await StartAsync();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "zhou.office");

        await browser.GoAsync("/");
        await browser.Page.Locator(".fd-cards").GetByRole(AriaRole.Link, new() { Name = "监督看板" }).ClickAsync();
        var chen = browser.Page.Locator("tr[data-subject='chen.deputy']");
        await chen.WaitForAsync();
        (await chen.GetAttributeAsync("data-alert")).ShouldBe("Yellow", "due in five days, within the seven of the rule");
        (await browser.Page.Locator("#fd-legend").InnerTextAsync()).ShouldContain("7天内");
        await browser.ScreenshotAsync("dashboard-before-deadline");

        using var admin = browser.ApiClient("admin");
        (await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "P6D" })).EnsureSuccessStatusCode();
        // Six days later the sign-in has run out on the same clock: the office signs in again and opens the dashboard.
        await browser.SignInAsync("zhou.office");
        await browser.GoAsync("/dashboard");
        await chen.WaitForAsync();
        (await chen.GetAttributeAsync("data-alert")).ShouldBe("Red");
        (await chen.Locator("td").Nth(0).InnerTextAsync()).ShouldBe("红");
        (await chen.InnerTextAsync()).ShouldContain("意识形态工作责任制落实");
        await browser.Page.Locator(".fd-chart canvas").WaitForAsync();
        await browser.ScreenshotAsync("dashboard-red-after-deadline");

        // The filter goes into the address and into the export links.
        await browser.Page.GetByLabel("责任主体", new() { Exact = true }).SelectOptionAsync("chen.deputy");
        await browser.Page.WaitForURLAsync("**/dashboard?year=2026&subjectId=chen.deputy");
        await browser.Page.Locator("tr[data-subject='chen.deputy'][data-alert='Red']").WaitForAsync();
        (await browser.Page.Locator("tr[data-subject]").CountAsync()).ShouldBe(1);
        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.Locator("a[data-ledger=lists]").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var file = Path.Combine(BrowserSession.ArtifactsFolder, "dashboard-ledger-lists.xlsx");
        await download.SaveAsAsync(file);
        await using (var stream = File.OpenRead(file))
        {
            var rows = ExportTests.Read(stream, 13);
            rows[0][1].ShouldBe("责任主体");
            rows.Skip(1).Select(r => r[4]).ShouldBe(["意识形态工作责任制落实", "学生党员发展质量检查", "秋季学期思政课听课"], ignoreOrder: true);
            rows.Skip(1).ShouldAllBe(r => r[1]!.ToString()!.Contains("陈刚"));
        }

        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Dashboard_ShowsALapsesNotes_AndTheTalksCommitments()
    {
        await using var host = await StartAsync();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "zhao.discipline");

        await browser.GoAsync("/dashboard?year=2026&subjectId=wu.vicepresident");
        var lapse = browser.Page.Locator("#fd-lapses-wu\\.vicepresident");
        await lapse.WaitForAsync();
        (await lapse.InnerTextAsync()).ShouldContain("未认定");
        await lapse.Locator("summary").ClickAsync();
        await lapse.GetByText("尚无批注。").WaitForAsync();
        (await browser.Page.Locator("table.fd-talks").InnerTextAsync()).ShouldContain("两周内补交自评并建立提醒机制");
        await browser.ScreenshotAsync("dashboard-lapse-and-talk");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Dashboard_IsNeitherLinkedNorShown_ForALeaderWithoutOversightRoles()
    {
        await using var host = await StartAsync();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "chen.deputy");

        await browser.GoAsync("/");
        await browser.Page.Locator(".fd-cards").WaitForAsync();
        (await browser.Page.Locator("header").InnerTextAsync()).ShouldNotContain("监督看板");
        (await browser.Page.Locator(".fd-cards").InnerTextAsync()).ShouldNotContain("监督看板");

        await browser.GoAsync("/dashboard");
        (await browser.Page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("只对党委办公室、纪委书记和第一责任人开放");
        (await browser.Page.Locator("tr[data-subject]").CountAsync()).ShouldBe(0);
        await browser.ScreenshotAsync("dashboard-refused-leader");

        // Their own dossier is theirs to read, linked from the home page; somebody else's is refused.
        await browser.GoAsync("/");
        await browser.Page.Locator(".fd-cards").GetByRole(AriaRole.Link, new() { Name = "履责档案" }).ClickAsync();
        await browser.Page.Locator("#fd-items").WaitForAsync();
        (await browser.Page.Locator("h1").InnerTextAsync()).ShouldStartWith("我的履责档案");
        (await browser.Page.Locator("main").InnerTextAsync()).ShouldContain("意识形态工作责任制落实");
        await browser.ScreenshotAsync("dossier-own-leader");
        await browser.GoAsync("/dossiers/wu.vicepresident");
        await browser.Page.Locator("[role=alert]").WaitForAsync();
        (await browser.Page.Locator("main").InnerTextAsync()).ShouldNotContain("校企合作项目廉洁风险防控");
    }

    [SkippableFact]
    public async Task Dashboard_PassesAxe_AndFitsAPhone()
    {
        await using var host = await StartAsync();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844, signedInAs: "li.secretary");

        await browser.GoAsync("/dashboard?year=2026");
        await browser.Page.Locator("tr[data-subject='chen.deputy']").WaitForAsync();
        await browser.Page.Locator(".fd-chart canvas").WaitForAsync();
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await browser.ScreenshotAsync("dashboard-phone-zh");

        var result = await browser.Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Writes <see cref="OversightYear"/> into the service's database through the handlers, then starts the service on it at <see cref="Start"/>.</summary>
    private static async Task<FourDutyHostFactory> StartAsync()
    {
        var host = new FourDutyHostFactory(settings: new Dictionary<string, string>
        {
            ["Clock:Mode"] = "Simulated",
            ["Clock:Start"] = Start.ToString("O"),
        });
        Directory.CreateDirectory(Path.GetDirectoryName(host.SqliteFile)!);
        await using (var domain = await DomainHost.StartAsync(TestStore.Sqlite, sqliteFile: host.SqliteFile, start: Start))
        {
            await OversightYear.WriteAsync(domain);
        }

        return host;
    }
}
