using System.Net.Http.Headers;

namespace FourDuty.Tests.Host.Web;

/// <summary>The models the web tests open: read from <c>Fixtures/</c>, deployed through the API as a designer's earlier work.</summary>
internal static class WebFixtures
{
    public static string Folder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Host", "Web", "Fixtures");

    public static string Path(string file) => System.IO.Path.Combine(Folder, file);

    public static string Read(string file) => File.ReadAllText(Path(file));

    /// <summary>Deploys files (a .bpmn and its .form files) as one deployment; throws unless the server took them.</summary>
    public static async Task DeployAsync(HttpClient client, params string[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new StringContent(Read(file));
            part.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".form", StringComparison.Ordinal) ? "application/json" : "application/xml");
            content.Add(part, "files", file);
        }

        using var response = await client.PostAsync("/api/deployments", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Deploys <c>deadline-reminder.bpmn</c> with its form as version 1 and opens it in the designer, once the diagram
    /// shows; returns a client for the same service's API.
    /// </summary>
    public static async Task<HttpClient> OpenDeadlineReminderAsync(FourDuty.Tests.Infrastructure.BrowserSession browser)
    {
        var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        await DeployAsync(api, "deadline-reminder.bpmn", "lists.form");
        await browser.GoAsync("/designer?key=deadline-reminder&version=1");
        await browser.Page.Locator(".djs-element[data-element-id=DeadlineTimer]").WaitForAsync();
        return api;
    }
}
