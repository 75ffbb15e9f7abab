using Deque.AxeCore.Playwright;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The pages' shell in a real browser: language, language switch, phone width, script budget, accessibility.</summary>
[Collection(HostCollection.Name)]
public sealed class ShellBrowserTests
{
    [SkippableFact]
    public async Task Home_ShowsChinese_WhenBrowserIsChinese()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, locale: "zh-CN");

        await browser.GoAsync("/");

        (await browser.Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await browser.Page.Locator(".fd-product").InnerTextAsync()).ShouldBe("四责协同");
        (await browser.Page.Locator(".fd-nav").InnerTextAsync()).ShouldContain("流程设计器");
        (await browser.Page.TitleAsync()).ShouldBe("首页 · 四责协同");
        await browser.ScreenshotAsync("shell-home-zh");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Home_ShowsEnglish_WhenBrowserIsEnglish_AndSwitchBackToChineseIsRemembered()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, locale: "en-US");

        await browser.GoAsync("/");
        (await browser.Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await browser.Page.Locator(".fd-nav").InnerTextAsync()).ShouldContain("Process designer");
        await browser.ScreenshotAsync("shell-home-en");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "切换到中文" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**/");
        await browser.Page.Locator(".fd-nav").GetByText("流程设计器").WaitForAsync();
        await browser.GoAsync("/designer");
        (await browser.Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await browser.Context.CookiesAsync()).ShouldContain(cookie => cookie.Name == "fourduty.lang" && cookie.Value == "zh-CN");
    }

    [SkippableFact]
    public async Task Home_FitsAPhone_At390Pixels()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host, width: 390, height: 844);

        await browser.GoAsync("/");

        var scrollWidth = await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(390, "nothing sticks out sideways on a phone");
        (await browser.Page.Locator(".fd-lang").IsVisibleAsync()).ShouldBeTrue();
        await browser.ScreenshotAsync("shell-home-phone");
    }

    [SkippableFact]
    public async Task Home_LoadsUnder100KilobytesOfScript_AndNoDesignerCode()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        // The scripts the page loads are fetched again afterwards: Chromium drops a response's body when the page navigates
        // on, which made reading the responses themselves fail now and then.
        var scripts = new List<string>();
        browser.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script")
            {
                lock (scripts)
                {
                    scripts.Add(response.Url);
                }
            }
        };

        await browser.GoAsync("/");

        var bytes = 0;
        foreach (var script in scripts.ToList())
        {
            var fetched = await browser.Page.APIRequest.GetAsync(script);
            fetched.Ok.ShouldBeTrue(script);
            bytes += (await fetched.BodyAsync()).Length;
        }

        await browser.ScreenshotAsync("shell-home-script-budget");
        bytes.ShouldBeLessThan(100 * 1024);
        scripts.ShouldNotBeEmpty();
        scripts.ShouldNotContain(script => script.Contains("designer", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Pages_PassAxe_WithoutSeriousViolations()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);

        var serious = new List<string>();
        async Task CheckAsync(string state)
        {
            await browser.ScreenshotAsync($"axe-{state}");
            var result = await browser.Page.RunAxe();
            serious.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{state}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        await browser.GoAsync("/");
        await CheckAsync("home");
        await browser.GoAsync("/designer");
        await browser.Page.Locator(".djs-container").WaitForAsync();
        await CheckAsync("designer");
        await browser.Page.Locator("#fd-tab-side-testrun").ClickAsync();
        await CheckAsync("designer-testrun");

        serious.ShouldBeEmpty(string.Join("\n", serious));
    }

    [SkippableFact]
    public async Task Designer_ShowsSignInLink_WhenApiAnswers401()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        await browser.Page.RouteAsync("**/api/definitions", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 401,
            ContentType = "application/problem+json",
            Body = """{"title":"Unauthorized","status":401}""",
        }));

        await browser.GoAsync("/designer");

        var alert = browser.Page.Locator(".fd-status [role=alert]");
        (await alert.InnerTextAsync()).ShouldContain("请先登录");
        (await alert.Locator("a").GetAttributeAsync("href")).ShouldStartWith("/account/signin?returnUrl=");
        await browser.ScreenshotAsync("designer-401");
    }
}
