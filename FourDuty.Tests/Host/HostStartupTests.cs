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
    public async Task HangfireDashboard_Refuses_WhenRequestIsNotFromThisMachine()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        // The in-process test server gives requests no remote address, as a proxied stranger would look.
        using var response = await client.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
