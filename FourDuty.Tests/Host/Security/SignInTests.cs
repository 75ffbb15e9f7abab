using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.Security;

/// <summary>Password sign-in through the page, as a person does it in a browser.</summary>
[Collection(HostCollection.Name)]
public sealed class SignInTests
{
    private const string Password = "zhou-office-password";

    [Fact]
    public async Task SignIn_WithThePassword_OpensTheSessionAndApiMeNamesThePersonAndRoles()
    {
        await using var host = new FourDutyHostFactory();
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser();

        using var signedIn = await SignInForm.PostAsync(browser, "zhou.office", Password, returnUrl: "/outbox");
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/outbox");
        me.GetProperty("id").GetString().ShouldBe("zhou.office");
        me.GetProperty("name").GetString().ShouldBe("周丽");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["designer", "office"]);
        me.GetProperty("via").GetString().ShouldBe("password");
        me.GetProperty("policies").GetProperty("office").GetBoolean().ShouldBeTrue();
        me.GetProperty("policies").GetProperty("admin").GetBoolean().ShouldBeFalse();
        (await browser.GetStringAsync("/account")).ShouldContain("周丽");
    }

    [Fact]
    public async Task SignIn_SendsTheCookieSecureHttpOnlyAndLax_WhenPeopleReachTheServiceOverHttps()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["PublicUrl"] = "https://duty.example.edu" });
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser(https: true);

        using var response = await SignInForm.PostAsync(browser, "zhou.office", Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fourduty.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task SignIn_LocksTheAccountAfterFiveWrongPasswords_EvenAgainstTheRightOne()
    {
        await using var host = new FourDutyHostFactory();
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInForm.PostAsync(browser, "zhou.office", $"guess-number-{attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var right = await SignInForm.PostAsync(browser, "zhou.office", Password);

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.Content.ReadAsStringAsync()).ShouldContain("账户已暂时锁定");
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await host.SetPasswordAsync("zhou.office", Password);
        using var unlocked = await SignInForm.PostAsync(browser, "zhou.office", Password);
        unlocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, "an administrator's new password lifts the lockout");
    }

    [Fact]
    public async Task SignIn_IsRefused_WithoutThePagesAntiforgeryToken()
    {
        await using var host = new FourDutyHostFactory();
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser();

        using var forged = await browser.PostAsync("/account/signin", new FormUrlEncodedContent([new("user", "zhou.office"), new("password", Password)]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_NeedsTheFormToken_AndEndsTheSession()
    {
        await using var host = new FourDutyHostFactory();
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser();
        await SignInForm.SignInAsync(browser, "zhou.office", Password);

        using var forged = await browser.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "a sign-out without the token does nothing");
        var page = await browser.GetStringAsync("/account");
        using var signedOut = await browser.PostAsync("/account/signout", EmptyFormFrom(page));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_NeverRedirectsOffTheSite(string returnUrl)
    {
        await using var host = new FourDutyHostFactory();
        await host.SetPasswordAsync("zhou.office", Password);
        using var browser = host.CreateBrowser();

        using var response = await SignInForm.PostAsync(browser, "zhou.office", Password, returnUrl);

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SignInPage_IsChineseFirst_EnglishForAnEnglishBrowser_AndRunsNoScript()
    {
        await using var host = new FourDutyHostFactory();
        using var browser = host.CreateBrowser();
        using var english = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        english.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,zh-CN;q=0.5");

        var chinese = await browser.GetStringAsync("/account/signin");
        var inEnglish = await (await browser.SendAsync(english)).Content.ReadAsStringAsync();

        chinese.ShouldContain("<html lang=\"zh-CN\">");
        chinese.ShouldContain("账户（人员编号）");
        inEnglish.ShouldContain("<html lang=\"en\">");
        inEnglish.ShouldContain("Account (person id)");
        chinese.ShouldNotContain("<script");
        AntiforgeryField(chinese).Value.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SignInPosts_AreRateLimitedPerAddress()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["Security:SignInPerMinute"] = "3" });
        using var browser = host.CreateBrowser();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await SignInForm.PostAsync(browser, "nobody", "not-a-password");
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }
}
