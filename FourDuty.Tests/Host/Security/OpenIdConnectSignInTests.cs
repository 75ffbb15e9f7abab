using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Security;

/// <summary>Single sign-on against a stub OpenID Connect provider running in the test, as a college's would.</summary>
[Collection(HostCollection.Name)]
public sealed class OpenIdConnectSignInTests : IAsyncLifetime
{
    private StubIdentityProvider _provider = null!;
    private FourDutyHostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await StubIdentityProvider.StartAsync();
        _host = new FourDutyHostFactory(settings: new Dictionary<string, string>(_provider.Settings()));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task SingleSignOn_SignsInThePersonTheClaimNames_WithTheirAccountsRoles()
    {
        _provider.SignedInPerson = "zhao.discipline";
        using var browser = _host.CreateBrowser();

        var page = await browser.GetStringAsync("/account/signin");
        var callback = await ThroughTheProviderAsync(browser, "/account/sso?returnUrl=%2Fapi%2Fme");
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me");

        page.ShouldContain("使用校园统一身份认证登录");
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.OriginalString.ShouldBe("/api/me");
        me.GetProperty("id").GetString().ShouldBe("zhao.discipline");
        me.GetProperty("via").GetString().ShouldBe("oidc");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["discipline", "leader"]);
        using var admin = _host.CreateClientFor("admin");
        var signIn = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?operation=signin")).EnumerateArray().Single();
        signIn.GetProperty("actor").GetString().ShouldBe("zhao.discipline");
        signIn.GetProperty("via").GetString().ShouldBe("oidc");
        signIn.GetProperty("status").GetInt32().ShouldBe(200);
    }

    [Theory]
    [InlineData("someone.else")]
    [InlineData(null)]
    public async Task SingleSignOn_RefusesAPersonWithoutAnAccount_AndSaysSo(string? person)
    {
        _provider.SignedInPerson = person;
        using var browser = _host.CreateBrowser();

        var callback = await ThroughTheProviderAsync(browser, "/account/sso");
        var page = await browser.GetStringAsync(callback.Headers.Location!.OriginalString);

        callback.Headers.Location!.OriginalString.ShouldBe("/account/signin?error=sso");
        page.ShouldContain("统一身份认证未能完成登录");
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var admin = _host.CreateClientFor("admin");
        var refused = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?operation=signin")).EnumerateArray().Single();
        refused.GetProperty("status").GetInt32().ShouldBe(401);
        refused.GetProperty("actor").GetString().ShouldBe(person ?? "anonymous");
    }

    // The browser's round trip: the service sends it to the provider, the provider (already signed in) sends it back.
    private static async Task<HttpResponseMessage> ThroughTheProviderAsync(HttpClient browser, string start)
    {
        using var challenge = await browser.GetAsync(start);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await atProvider.GetAsync(challenge.Headers.Location);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        return await browser.GetAsync(back.Headers.Location!.PathAndQuery);
    }
}
