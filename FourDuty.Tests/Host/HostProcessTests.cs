using System.Net;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host;

/// <summary>The Host as `dotnet run` starts it: its own process, embedded SQLite, nothing configured.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task HostProcess_ServesHealthOpenApiPagesAndDashboard_ThenStopsCleanlyOnCtrlC()
    {
        await using var node = HostProcess.Start(new Dictionary<string, string> { ["Security:OperatorPassword"] = "s3cret-for-tests" });
        await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = node.BaseAddress };

        (await client.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Started outside its project folder, the service finds the pages' bundles the build put next to it.
        var home = await client.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(home, "src=\"(/app/home-[A-Z0-9]{8}\\.js)\"").Groups[1].Value;
        (await client.GetAsync(script)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Requests from this very machine are refused too: behind a reverse proxy every request comes from here.
        (await client.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String("operator:s3cret-for-tests"u8.ToArray()));
        (await client.GetStringAsync("/hangfire")).ShouldContain("Hangfire Dashboard");
        File.Exists(Path.Combine(node.WorkingDirectory, "data", "fourduty.db")).ShouldBeTrue();

        var exitCode = await node.InterruptAsync(TimeSpan.FromSeconds(20));

        exitCode.ShouldBe(0, node.Output);
        node.Output.ShouldNotContain("Exception");
    }
}
