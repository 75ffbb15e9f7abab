using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Web;

/// <summary>
/// A service on a simulated clock (Monday 7 December 2026, 09:00 in Beijing) with one <c>inbox-demo</c> instance: three
/// tasks of chen.deputy (overdue by 2 working days with a form, due in 2, due in 10) and one offered to the leadership group.
/// </summary>
internal static class InboxScenario
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Simulated",
        ["Clock:Start"] = "2026-12-07T09:00:00+08:00",
    };

    public static FourDutyHostFactory CreateHost() => new(settings: Settings);

    /// <summary>Deploys the process with its form and starts it as the office; returns the instance id.</summary>
    public static async Task<Guid> StartAsync(HttpClient office)
    {
        await WebFixtures.DeployAsync(office, "inbox-demo.bpmn", "report.form");
        using var started = await office.PostAsJsonAsync("/api/definitions/inbox-demo/start", new { businessKey = "2026-专项检查" });
        started.EnsureSuccessStatusCode();
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("id", out var id) ? id.GetGuid() : body.GetProperty("instance").GetProperty("id").GetGuid();
    }

    /// <summary>The id of the open task of <paramref name="elementId"/>.</summary>
    public static async Task<Guid> TaskIdAsync(HttpClient office, string elementId)
    {
        var tasks = await office.GetFromJsonAsync<JsonElement>("/api/tasks");
        return tasks.EnumerateArray().First(t => t.GetProperty("elementId").GetString() == elementId).GetProperty("id").GetGuid();
    }
}
