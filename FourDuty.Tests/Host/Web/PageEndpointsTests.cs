using System.Net;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Web;

/// <summary>The pages as the Host serves them: language, security headers, no inline script, cacheable bundles.</summary>
[Collection(HostCollection.Name)]
public sealed class PageEndpointsTests
{
    [Theory]
    [InlineData(null, null, "zh-CN")]
    [InlineData("en-US,en;q=0.9", null, "en")]
    [InlineData("en-US,zh-CN;q=0.8", null, "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", null, "zh-CN")]
    [InlineData("fr-FR", null, "zh-CN")]
    [InlineData("en-US", "zh-CN", "zh-CN")]
    [InlineData(null, "en", "en")]
    public async Task Home_IsInTheChosenLanguage_ElseTheBrowsers_ElseChinese(string? acceptLanguage, string? cookie, string expected)
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"fourduty.lang={cookie}");
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"<html lang=\"{expected}\">");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/designer")]
    public async Task Page_HasAStrictContentSecurityPolicy_AndNoInlineScript(string path)
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self';");
        policy.ShouldNotContain("unsafe-eval");
        System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").ShouldAllBe(tag => tag.Value.Contains("src=\"/app/", StringComparison.Ordinal));
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task Bundles_AreCachedForAYear_AndThePageRevalidated()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        using var page = await client.GetAsync("/designer");
        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "src=\"(/app/designer-[A-Z0-9]{8}\\.js)\"").Groups[1].Value;
        using var bundle = await client.GetAsync(script);

        page.Headers.CacheControl!.NoCache.ShouldBeTrue();
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
        bundle.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable", "the name changes with the content");
        bundle.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }
}
