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

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string baseUrl)
    {
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

    /// <summary>Starts <paramref name="host"/> on Kestrel and opens a browser whose language is <paramref name="locale"/>.</summary>
    public static async Task<BrowserSession> StartAsync(FourDutyHostFactory host, string locale = "zh-CN", int width = 1400, int height = 900)
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
        return new BrowserSession(playwright, browser, context, page, address.TrimEnd('/'));
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
