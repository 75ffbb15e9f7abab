using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using System.Text.RegularExpressions;
using FourDuty.Tests.Infrastructure;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Host.TaskPages;

/// <summary>
/// A task link is a password for one task: it must not reach the logs, even with every category at the most
/// detailed level and scopes printed. Runs the Host as its own process, with Kestrel, as in production.
/// </summary>
public sealed partial class TaskLinkLoggingTests
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="p" name="年度清单" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="claim"/>
            <userTask id="claim" name="认领项目清单" camunda:assignee="wang.president"/>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task SigningInMakingATokenAndCompletingByLink_WithTraceLoggingAndScopes_LogsNoPasswordTokenOrLink()
    {
        await using var node = HostProcess.Start(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        });
        await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        using var office = await node.SignInAsync("zhou.office");
        using var created = await office.PostAsJsonAsync("/api/tokens", new { name = "CI" });
        var accessToken = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        (await client.PostAsync("/api/deployments", new StringContent(Model, Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("/api/definitions/p/start", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = null;
        var link = await LinkFromTheMailAsync(Path.Combine(node.WorkingDirectory, "data", "mail"));
        var token = link[(link.LastIndexOf('/') + 1)..];

        var page = await client.GetStringAsync(link);
        using var posted = await client.PostAsync(link, EmptyFormFrom(page));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        using var after = await client.GetAsync(link);
        after.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await after.Content.ReadAsStringAsync()).ShouldContain("办理完成");
        using var admin = await node.SignInAsync("admin");
        var byLink = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?operation=task.complete")).EnumerateArray().Single();
        byLink.GetProperty("actor").GetString().ShouldBe("wang.president");
        byLink.GetProperty("via").GetString().ShouldBe("link");
        byLink.GetProperty("ip").GetString().ShouldBe("127.0.0.1");
        (await node.InterruptAsync(TimeSpan.FromSeconds(20))).ShouldBe(0);
        node.Output.ShouldContain("/t/" + "redacted");
        node.Output.ShouldNotContain(token);
        node.Output.ShouldNotContain(accessToken);
        node.Output.ShouldNotContain(FourDutyHostFactory.AdminPassword);
        node.Output.ShouldNotContain(HostProcess.PasswordOf("zhou.office"));
        node.Output.ShouldNotContain("have been overridden", customMessage: "antiforgery warns when a page's cache header is replaced");
    }

    private static async Task<string> LinkFromTheMailAsync(string pickupFolder)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (Directory.Exists(pickupFolder) && Directory.GetFiles(pickupFolder, "*.eml").FirstOrDefault() is { } file)
            {
                var mail = await MimeKit.MimeMessage.LoadAsync(file);
                return new Uri(TaskLinkIn(mail.TextBody ?? "")).AbsolutePath;
            }
        }

        throw new TimeoutException("The task mail was not delivered to the pickup folder.");
    }

}
