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
    public async Task HangfireDashboard_AsksForOperatorSignIn_WithoutCredentials()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Basic");
    }

    [Theory]
    [InlineData("operator", "s3cret-for-tests", HttpStatusCode.OK)]
    [InlineData("operator", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("someone", "s3cret-for-tests", HttpStatusCode.Unauthorized)]
    public async Task HangfireDashboard_OpensOnlyForTheOperator(string user, string password, HttpStatusCode expected)
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["Security:OperatorPassword"] = "s3cret-for-tests" });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

        using var response = await client.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(expected);
    }
}
