using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>Home, inbox and task page in a real browser, as a leader uses them: on a desk and on a phone, in Chinese.</summary>
[Collection(HostCollection.Name)]
public sealed class InboxBrowserTests
{
    [SkippableFact]
    public async Task Home_SendsToSignIn_WhenNobodyIsSignedIn()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: null);

        await browser.GoAsync("/");

        await browser.Page.WaitForURLAsync("**/account/signin?returnUrl=%2F");
        await browser.ScreenshotAsync("home-signed-out");
    }

    [SkippableFact]
    public async Task Home_ShowsTheLeadersTasks_MostUrgentFirst_InRedYellowGreen()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "chen.deputy");
        await InboxScenario.StartAsync(browser.ApiClient());

        await browser.GoAsync("/");

        var tasks = browser.Page.Locator(".fd-tasks .fd-task");
        await tasks.First.WaitForAsync();
        (await tasks.CountAsync()).ShouldBe(4);
        (await tasks.Nth(0).GetAttributeAsync("class") ?? "").ShouldContain("fd-task-red");
        (await tasks.Nth(0).InnerTextAsync()).ShouldContain("已逾期 2 个工作日");
        (await tasks.Nth(1).InnerTextAsync()).ShouldContain("还剩 2 个工作日");
        (await browser.Page.Locator(".fd-summary").InnerTextAsync()).ShouldBe("1 项已逾期，1 项即将到期");
        (await browser.Page.Locator("h1").InnerTextAsync()).ShouldBe("您好，陈刚");
        (await browser.Page.Locator(".fd-nav").InnerTextAsync()).ShouldNotContain("流程设计器", Case.Sensitive, "a leader's home links only what a leader may open");
        await browser.ScreenshotAsync("home-leader-zh");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Inbox_ClaimsAnOfferedTask_AndDelegatesOne_AtAPhonesWidth()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844, signedInAs: "chen.deputy");
        await InboxScenario.StartAsync(browser.ApiClient());

        await browser.GoAsync("/inbox");
        var offered = browser.Page.Locator("section[aria-labelledby=fd-offered] .fd-task");
        await offered.First.WaitForAsync();
        await browser.ScreenshotAsync("inbox-phone-zh");
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await offered.First.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("已认领").WaitForAsync();
        await browser.Page.Locator("section[aria-labelledby=fd-mine] .fd-task", new() { HasText = "认领专项检查问题" }).WaitForAsync();
        (await browser.Page.Locator("section[aria-labelledby=fd-mine] .fd-task").CountAsync()).ShouldBe(4);

        var plan = browser.Page.Locator("section[aria-labelledby=fd-mine] .fd-task", new() { HasText = "制定年度工作计划" });
        await plan.GetByRole(AriaRole.Button, new() { Name = "委托" }).ClickAsync();
        await plan.GetByLabel("委托给").SelectOptionAsync("liu.vicepresident");
        await browser.ScreenshotAsync("inbox-delegate-phone-zh");
        await plan.GetByRole(AriaRole.Button, new() { Name = "确认委托" }).ClickAsync();
        await browser.Page.Locator(".fd-ok").GetByText("委托给 刘洋").WaitForAsync();
        // The message shows before the lists are drawn again: wait for the delegated list as a person would look at it.
        await browser.Page.Locator("section[aria-labelledby=fd-delegated]", new() { HasText = "已委托给 刘洋" }).WaitForAsync();
        (await browser.Page.Locator("section[aria-labelledby=fd-delegated]").InnerTextAsync()).ShouldContain("已委托给 刘洋");
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await browser.ScreenshotAsync("inbox-after-phone-zh");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task TaskPage_ShowsTheServersFieldErrorAtTheField_ThenCompletes_OnAPhone()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844, signedInAs: "chen.deputy");
        var office = browser.ApiClient();
        await InboxScenario.StartAsync(office);
        var report = await InboxScenario.TaskIdAsync(office, "ReportTask");

        await browser.GoAsync($"/tasks/{report}");
        var progress = browser.Page.GetByLabel("整改进展");
        await progress.WaitForAsync();
        (await browser.Page.Locator(".fd-facts").InnerTextAsync()).ShouldContain("已逾期 2 个工作日");
        await browser.ScreenshotAsync("task-phone-zh");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "提交办理结果" }).ClickAsync();
        var alert = browser.Page.Locator(".fd-problems [role=alert]");
        await alert.WaitForAsync();
        (await alert.InnerTextAsync()).ShouldContain("整改进展：此项为必填项。");
        (await browser.Page.Locator(".fjs-form-field-error").First.InnerTextAsync()).ShouldContain("此项为必填项");
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await browser.ScreenshotAsync("task-field-error-phone-zh");

        await FillUploadAndSubmitAsync(browser, progress);

        await browser.Page.Locator("h1").GetByText("已提交").WaitForAsync();
        await browser.ScreenshotAsync("task-done-phone-zh");
        var task = await office.GetStringAsync($"/api/tasks/{report}");
        task.ShouldContain("\"status\":\"Completed\"");
        task.ShouldContain("\"completedBy\":\"chen.deputy\"");
        // The browser logs the refused submission's 422 itself; nothing else may fail.
        browser.ConsoleErrors.ShouldAllBe(error => error.Contains("status of 422", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task MailedTaskLink_OpensTheSameTaskPage_ShowsTheFieldErrorFirst_ThenCompletes_WithoutSignIn()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844, signedInAs: null);
        var office = browser.ApiClient();
        await InboxScenario.StartAsync(office);
        var report = await InboxScenario.TaskIdAsync(office, "ReportTask");
        var link = await MailedLinkAsync(host, report);

        await browser.GoAsync(link);
        var progress = browser.Page.GetByLabel("整改进展");
        await progress.WaitForAsync();
        (await browser.Page.Locator(".fjs-container").CountAsync()).ShouldBe(1, "the form is form-js's, as on the inbox's task page");
        (await browser.Page.Locator(".fd-facts").InnerTextAsync()).ShouldContain("2026-专项检查");
        await browser.ScreenshotAsync("task-link-phone-zh");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "提交办理结果" }).ClickAsync();
        await browser.Page.Locator(".fd-problems [role=alert]").WaitForAsync();
        (await browser.Page.Locator(".fjs-form-field-error").First.InnerTextAsync()).ShouldContain("此项为必填项");
        await browser.ScreenshotAsync("task-link-field-error-phone-zh");

        await FillUploadAndSubmitAsync(browser, progress);
        await browser.Page.Locator("h1").GetByText("已提交").WaitForAsync();
        await browser.ScreenshotAsync("task-link-done-phone-zh");

        var task = await office.GetStringAsync($"/api/tasks/{report}");
        task.ShouldContain("\"status\":\"Completed\"");
        task.ShouldContain("\"completedBy\":\"chen.deputy\"");
        // The link signed nobody in, and it has done its one job.
        (await browser.Page.EvaluateAsync<int>("fetch('/api/me').then(r => r.status)")).ShouldBe(401);
        await browser.GoAsync(link);
        (await browser.Page.Locator("h1").InnerTextAsync()).ShouldBe("该任务已办理");
        browser.ConsoleErrors.ShouldAllBe(error => error.Contains("status of 422", StringComparison.Ordinal) || error.Contains("status of 401", StringComparison.Ordinal)
            || error.Contains("status of 409", StringComparison.Ordinal));
    }

    // What the leader does once the form is there: writes the progress, uploads a report as evidence, submits.
    private static async Task FillUploadAndSubmitAsync(BrowserSession browser, ILocator progress)
    {
        await progress.FillAsync("已召开专题会议，整改措施全部落实。");
        await browser.Page.Locator("#fd-evidence-file").SetInputFilesAsync(new FilePayload
        {
            Name = "整改报告.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await browser.Page.Locator(".fd-evidence-list").GetByText("整改报告.pdf").WaitForAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "提交办理结果" }).ClickAsync();
    }

    // The link in the task's mail, as the leader's mail program shows it (the path and query under the service's address).
    private static async Task<string> MailedLinkAsync(FourDutyHostFactory host, Guid taskId)
    {
        var engine = host.Services.GetRequiredService<FourDuty.Engine.ProcessEngine>();
        var mail = await host.WaitForOutboxAsync(
            m => m.TaskId == taskId && m.Status == FourDuty.Engine.Runtime.State.OutboxStatus.Sent, () => engine.RunDueWorkAsync());
        var html = MimeKit.MimeMessage.Load(Path.Combine(host.PickupFolder, $"{mail.Id:N}.eml")).HtmlBody ?? "";
        return new Uri(TaskPageScraping.TaskLinkIn(html)).PathAndQuery;
    }

    [SkippableFact]
    public async Task HomeInboxAndTaskPage_PassAxe_WithoutSeriousViolations()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "chen.deputy");
        var office = browser.ApiClient();
        await InboxScenario.StartAsync(office);
        var report = await InboxScenario.TaskIdAsync(office, "ReportTask");
        var serious = new List<string>();
        async Task CheckAsync(string state)
        {
            var result = await browser.Page.RunAxe();
            serious.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{state}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        await browser.GoAsync("/");
        await browser.Page.Locator(".fd-task").First.WaitForAsync();
        await CheckAsync("home");
        await browser.GoAsync("/inbox");
        await browser.Page.Locator(".fd-task").First.WaitForAsync();
        await CheckAsync("inbox");
        await browser.GoAsync($"/tasks/{report}");
        await browser.Page.GetByLabel("整改进展").WaitForAsync();
        await CheckAsync("task");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "提交办理结果" }).ClickAsync();
        await browser.Page.Locator(".fd-problems [role=alert]").WaitForAsync();
        await CheckAsync("task-with-errors");

        serious.ShouldBeEmpty(string.Join("\n", serious));
    }

    [SkippableFact]
    public async Task TaskPage_InEnglish_WhenTheBrowserIsEnglish()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, locale: "en-US", signedInAs: "chen.deputy");
        var office = browser.ApiClient();
        await InboxScenario.StartAsync(office);
        var check = await InboxScenario.TaskIdAsync(office, "CheckTask");

        await browser.GoAsync($"/tasks/{check}");

        await browser.Page.Locator(".fd-facts").GetByText("2 working days left").WaitForAsync();
        (await browser.Page.Locator(".fd-submit").InnerTextAsync()).ShouldBe("Submit");
        await browser.ScreenshotAsync("task-en");
    }

    [SkippableFact]
    public async Task TaskPage_ShowsTheTaskOnUnder100KilobytesOfScript_AndRecordsFirstRender()
    {
        await using var host = InboxScenario.CreateHost();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844, signedInAs: "chen.deputy");
        var office = browser.ApiClient();
        await InboxScenario.StartAsync(office);
        var report = await InboxScenario.TaskIdAsync(office, "ReportTask");
        var scripts = new List<IResponse>();
        browser.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script")
            {
                scripts.Add(response);
            }
        };

        // A first visit: nothing of the service in the browser's cache.
        await browser.Page.GotoAsync($"{browser.BaseUrl}/tasks/{report}", new() { WaitUntil = WaitUntilState.Commit });
        await browser.Page.Locator(".fd-facts").WaitForAsync();
        await browser.Page.GetByLabel("整改进展").WaitForAsync();
        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var marks = await browser.Page.EvaluateAsync<double[]>(
            "['fd-task-shown', 'fd-task-form-shown'].map(name => performance.getEntriesByName(name)[0].startTime)");

        long raw = 0, sent = 0;
        foreach (var response in scripts)
        {
            raw += (await response.BodyAsync()).Length;
            sent += (await response.Request.SizesAsync()).ResponseBodySize;
        }

        // What had arrived when the page marked its first render, on the page's own clock: Playwright sees the facts a
        // moment later, and a script that lands in that moment was not needed for them.
        var rawBeforeShown = (long)await browser.Page.EvaluateAsync<double>("""
            (() => {
              const shown = performance.getEntriesByName('fd-task-shown')[0].startTime;
              return performance.getEntriesByType('resource')
                .filter(r => new URL(r.name).pathname.endsWith('.js') && r.responseEnd <= shown)
                .reduce((sum, r) => sum + r.decodedBodySize, 0);
            })()
            """);

        var result = new
        {
            page = "task (/tasks/{id}, zh-CN, 390 px, first visit)",
            shownAfterMs = Math.Round(marks[0]),
            formShownAfterMs = Math.Round(marks[1]),
            scriptKilobytesBeforeShown = rawBeforeShown / 1024,
            scriptKilobytesInAll = raw / 1024,
            scriptKilobytesSent = sent / 1024,
            scripts = scripts.Count,
        };
        Directory.CreateDirectory(BrowserSession.ArtifactsFolder);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ArtifactsFolder, "task-page-first-render.json"),
            System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        await browser.ScreenshotAsync("task-first-render-phone-zh");

        rawBeforeShown.ShouldBeLessThan(100 * 1024, "the task, its deadline and what is asked show before the form viewer loads");
        sent.ShouldBeLessThan(raw / 2, "the bundles are sent compressed");
        scripts.ShouldNotContain(script => script.Url.Contains("designer", StringComparison.Ordinal));
    }
}
