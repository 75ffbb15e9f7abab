using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>
/// 发起流程: the office starts a deployed process by hand from the web, its start form drawn and checked as a task's form
/// is; a person a process names as its starter is offered that process only; nobody else sees the panel or may start.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StartProcessBrowserTests
{
    [SkippableFact]
    public async Task Office_StartsAReminderTalk_SeesTheMissingFieldFirst_ThenLandsOnTheNewInstance_OnAPhone()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844);
        var office = browser.ApiClient();

        await browser.GoAsync("/instances");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "发起流程" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**/instances/start");
        await browser.Page.GetByLabel("流程", new() { Exact = true }).SelectOptionAsync("reminder-talk");
        var subject = browser.Page.GetByLabel("被约谈的责任主体");
        await subject.WaitForAsync();
        (await browser.Page.Locator(".fjs-container").CountAsync()).ShouldBe(1, "the start form is form-js's, as a task's form is");
        await subject.FillAsync("he.vicepresident");
        // form-js draws its own drop-down list: open it, pick the kind of talk.
        await browser.Page.Locator(".fjs-form-field-select").Filter(new() { HasText = "谈话类型" }).Locator(".fjs-select-display").ClickAsync();
        await browser.Page.Locator(".fjs-dropdownlist-item").GetByText("诫勉谈话 Admonition talk").ClickAsync();
        await browser.Page.GetByLabel("业务标识").FillAsync("he.vicepresident");

        // The reason is left out: the server refuses the start field by field, and nothing is started.
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync();
        var alert = browser.Page.Locator(".fd-problems [role=alert]");
        await alert.WaitForAsync();
        (await alert.InnerTextAsync()).ShouldContain("约谈事由");
        (await browser.Page.Locator(".fjs-form-field-error").First.InnerTextAsync()).ShouldContain("此项为必填项");
        (await subject.InputValueAsync()).ShouldBe("he.vicepresident", "nothing typed is lost");
        (await office.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=reminder-talk")).GetArrayLength().ShouldBe(0);
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await browser.ScreenshotAsync("start-field-error-phone-zh");
        var serious = (await browser.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious));

        await browser.Page.GetByLabel("约谈事由").FillAsync("连续两次未按期提交清单");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync();
        await browser.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/instances/[0-9a-f-]{36}$"));
        await browser.Page.Locator("h1").GetByText("约谈提醒").WaitForAsync();

        var started = (await office.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=reminder-talk")).EnumerateArray().ToList();
        started.Count.ShouldBe(1);
        var id = started[0].GetProperty("id").GetString();
        browser.Page.Url.ShouldEndWith($"/instances/{id}");
        (await browser.Page.Locator("h1").InnerTextAsync()).ShouldContain("he.vicepresident");
        var variables = (await office.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("variables");
        variables.GetProperty("subjectId").GetString().ShouldBe("he.vicepresident");
        variables.GetProperty("talkKind").GetString().ShouldBe("诫勉谈话");
        variables.GetProperty("reason").GetString().ShouldBe("连续两次未按期提交清单");
        await browser.Page.Locator(".djs-element.fd-token-here").First.WaitForAsync();
        (await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await browser.ScreenshotAsync("start-instance-phone-zh");
        // The browser logs the refused start's 422 itself; nothing else may fail.
        browser.ConsoleErrors.ShouldAllBe(error => error.Contains("status of 422", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task DisciplineSecretary_IsOfferedOnlyTheReminderTalk_AndALeaderSeesNoStartPanel_AndIsRefusedTheStart()
    {
        await using var host = new FourDutyHostFactory();
        // The reminder talk names the discipline role as its starter (camunda:candidateStarterGroups); nothing else does.
        await using var browser = await BrowserSession.StartAsync(host, signedInAs: "zhao.discipline");
        (await browser.Page.Locator(".fd-cards").InnerTextAsync()).ShouldContain("发起流程");
        await browser.GoAsync("/instances/start");
        await browser.Page.Locator("#fd-start-process option[value=reminder-talk]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await browser.Page.Locator("#fd-start-process option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)"))
            .ShouldBe(["reminder-talk"]);
        await browser.ScreenshotAsync("start-discipline-reminder-talk");

        await browser.Context.ClearCookiesAsync();
        await browser.SignInAsync("chen.deputy");
        (await browser.Page.Locator(".fd-cards").InnerTextAsync()).ShouldNotContain("发起流程");
        await browser.GoAsync("/instances/start?key=reminder-talk");
        (await browser.Page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("没有使用此功能的权限");
        (await browser.Page.Locator("form.fd-start").CountAsync()).ShouldBe(0);
        await browser.ScreenshotAsync("start-refused-leader");

        using var chen = browser.ApiClient("chen.deputy");
        using var refused = await chen.PostAsJsonAsync("/api/definitions/reminder-talk/start",
            new { variables = new { subjectId = "he.vicepresident", talkKind = "提醒谈话", reason = "严重失责" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chen.GetAsync("/api/definitions/reminder-talk/start-form")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.ApiClient().GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=reminder-talk")).GetArrayLength().ShouldBe(0);
    }
}
