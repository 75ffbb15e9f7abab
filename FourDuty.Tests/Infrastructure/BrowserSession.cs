using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// A real browser on the real Host: the Host served by Kestrel on a free port, headless Chromium from the system
/// (<c>/usr/bin/chromium</c>, which <c>./test.sh</c> installs; never Playwright's own download), one page. Each test saves
/// screenshots under <c>artifacts/</c> next to the test assembly.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumVariable = "FOURDUTY_CHROMIUM";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private readonly FourDutyHostFactory _host;

    private BrowserSession(FourDutyHostFactory host, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string baseUrl)
    {
        _host = host;
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>What the page wrote to the console as errors, and uncaught exceptions (a CSP refusal shows here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <summary>
    /// Starts <paramref name="host"/> on Kestrel and opens a browser whose language is <paramref name="locale"/>, signed in
    /// through the sign-in page as <paramref name="signedInAs"/> (the office, who designs and deploys; null for nobody).
    /// </summary>
    public static async Task<BrowserSession> StartAsync(FourDutyHostFactory host, string locale = "zh-CN", int width = 1400, int height = 900,
        string? signedInAs = "zhou.office")
    {
        var chromium = RequireChromium();
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(host, playwright, browser, context, page, address.TrimEnd('/'));
        if (signedInAs is not null)
        {
            await session.SignInAsync(signedInAs);
        }

        return session;
    }

    /// <summary>Signs the browser in as <paramref name="person"/> through the sign-in page (an administrator set the password).</summary>
    public async Task SignInAsync(string person)
    {
        var password = $"password-of-{person}";
        await _host.SetPasswordAsync(person, password);
        await GoAsync("/account/signin");
        await Page.FillAsync("#user", person);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync(BaseUrl + "/");
        // The server-rendered sign-in pages have no icon: the browser's own request for /favicon.ico is not the pages' error.
        ConsoleErrors.Clear();
    }

    /// <summary>A client for the same service's API, acting as <paramref name="person"/> with an access token.</summary>
    public HttpClient ApiClient(string person = "zhou.office")
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _host.CreateAccessToken(person));
        return client;
    }

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

    /// <summary>Saves what the page shows now as <c>artifacts/{name}.png</c>.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var file = Path.Combine(ArtifactsFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>
    /// The system's Chromium; the test is skipped when there is none, except under CI, where that is a failure (a CI
    /// run that skipped every browser test would prove nothing).
    /// </summary>
    private static string RequireChromium()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException($"No Chromium at {path}, and CI is set: browser tests must run. ./test.sh installs it with apt.");
        }

        Skip.If(true, $"No Chromium at {path}; ./test.sh installs it (apt-get install chromium fonts-noto-cjk).");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
