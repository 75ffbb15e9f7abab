using System.Net;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host;

[Collection(HostCollection.Name)]
public sealed class HostStartupTests
{
    [Fact]
    public async Task Health_ReportsHealthyDatabase_WhenStartedOnEmbeddedSqlite()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        File.Exists(host.SqliteFile).ShouldBeTrue("the embedded database file should be created on start");
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_WhenHostRuns()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        document.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
    }

    [Fact]
    public async Task HangfireDashboard_SendsStrangersToSignIn_AndOpensOnlyForAdministrators()
    {
        await using var host = new FourDutyHostFactory();
        using var stranger = host.CreateBrowser();
        using var office = host.CreateClientFor("zhou.office");
        using var admin = host.CreateClientFor("admin");

        using var anonymous = await stranger.GetAsync("/hangfire");
        using var denied = await office.GetAsync("/hangfire");
        using var opened = await admin.GetAsync("/hangfire");

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await opened.Content.ReadAsStringAsync()).ShouldContain("Hangfire Dashboard");
    }
}
