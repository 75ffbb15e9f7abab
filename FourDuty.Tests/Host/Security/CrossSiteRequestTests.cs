using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FourDuty.Engine;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Security;

/// <summary>
/// What a hostile page can make a signed-in person's browser send without asking first (text/plain, form encodings,
/// no body at all) is refused unless it carries the antiforgery token; JSON, and every bearer-token request, pass.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><userTask id="t"/></process>
        </definitions>
        """;

    private readonly FourDutyHostFactory _host = new();
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        await _host.SetPasswordAsync("zhou.office", "zhou-office-password");
        _browser = _host.CreateBrowser();
        await SignInForm.SignInAsync(_browser, "zhou.office", "zhou-office-password");
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string?> SimpleBodies => new()
    {
        { "text/plain", "<definitions/>" },
        { "application/x-www-form-urlencoded", "a=b" },
        { "multipart/form-data; boundary=x", "--x--" },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(SimpleBodies))]
    public async Task CookieRequest_WithABodyBrowsersSendCrossSite_IsRefusedAndChangesNothing(string contentType, string? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployments");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _browser.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("HTTP-CROSS-SITE-REFUSED");
        (await _host.Services.GetRequiredService<ProcessEngine>().Queries.ListDefinitionsAsync(null)).ShouldAllBe(d => FourDutyHostFactory.ShippedProcesses.Contains(d.Key));
    }

    [Fact]
    public async Task CookieRequest_WithTheAntiforgeryHeader_OrAsJson_IsAccepted()
    {
        var me = await _browser.GetFromJsonAsync<JsonElement>("/api/me");
        var antiforgery = me.GetProperty("antiforgery");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/deployments")
        {
            Content = new MultipartFormDataContent { { new StringContent(Model, Encoding.UTF8, "application/xml"), "file", "p.bpmn" } },
        };
        withToken.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());

        using var deployed = await _browser.SendAsync(withToken);
        using var started = await _browser.PostAsJsonAsync("/api/definitions/p/start", new { businessKey = "json" });

        deployed.StatusCode.ShouldBe(HttpStatusCode.Created);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BearerRequest_WithAFormBody_IsAccepted()
    {
        using var ci = _host.CreateClientFor("zhou.office");

        using var deployed = await ci.PostAsync("/api/deployments",
            new MultipartFormDataContent { { new StringContent(Model, Encoding.UTF8, "application/xml"), "file", "p.bpmn" } });

        deployed.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
