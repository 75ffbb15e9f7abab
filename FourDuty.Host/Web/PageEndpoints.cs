using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace FourDuty.Host.Web;

/// <summary>
/// The web application's pages (each one HTML document that loads its own bundle) and the bundles under
/// <see cref="ClientAssets.RequestPath"/>. The API the pages call lives in <c>Api/</c>.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>
    /// Scripts only from this origin, no eval, no inline script; inline styles are allowed because the diagram and
    /// form libraries position elements with style attributes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddFourDutyPages(this IServiceCollection services)
    {
        // Only the bundles are compressed (see MapBundles): they hold no secret, so compression over HTTPS leaks nothing
        // (BREACH needs a secret and attacker-chosen text in one compressed answer, as API answers with form tokens could be).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/javascript", "application/javascript", "text/css"]).Distinct();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services.AddSingleton<ClientAssets>();
    }

    public static void MapPages(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ClientAssets>().Folder is not { } folder)
        {
            app.Logger.LogWarning("The pages were not built (no wwwroot/app/manifest.json): run dotnet build, which needs Node.js 20 or later.");
        }
        else
        {
            MapBundles(app, folder);
        }

        // The pages are shells without data: anyone may load them; what they show comes from the API, which asks for
        // sign-in (a 401 there offers the sign-in page).
        app.MapGet("/", (HttpContext context, ClientAssets assets) => Page(context, assets, "home")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/designer", (HttpContext context, ClientAssets assets) => Page(context, assets, "designer")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/inbox", (HttpContext context, ClientAssets assets) => Page(context, assets, "inbox")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/instances", (HttpContext context, ClientAssets assets) => Page(context, assets, "instances")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/instances/start", (HttpContext context, ClientAssets assets) => Page(context, assets, "instances")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/instances/{id:guid}", (HttpContext context, ClientAssets assets) => Page(context, assets, "instances")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/calendar", (HttpContext context, ClientAssets assets) => Page(context, assets, "calendar")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/operations", (HttpContext context, ClientAssets assets) => Page(context, assets, "operations")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard", (HttpContext context, ClientAssets assets) => Page(context, assets, "dashboard")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dossiers/{personId}", (HttpContext context, ClientAssets assets) => Page(context, assets, "dossier")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/tasks/{id:guid}", (HttpContext context, ClientAssets assets) => Page(context, assets, "task")).ExcludeFromDescription().AllowAnonymous();
    }

    private static void MapBundles(WebApplication app, string folder)
    {
        // A leader on a phone fetches the task page's form viewer compressed (about a quarter of its size).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ClientAssets.RequestPath), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = ClientAssets.RequestPath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = IsHashed(context.File.Name)
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });
    }

    private static IResult Page(HttpContext context, ClientAssets assets, string page)
    {
        var language = UiLanguage.Of(context.Request);
        UiLanguage.Vary(context.Response);
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(PageHtml.Render(language, page, assets), "text/html; charset=utf-8",
            statusCode: assets.For(page) is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    // esbuild names bundles name-HASH.ext (8 characters of base32); manifest.json and the strings keep their names.
    private static bool IsHashed(string file) =>
        System.Text.RegularExpressions.Regex.IsMatch(file, @"-[A-Z0-9]{8}\.(js|css|map|woff2?|ttf|eot|svg)$");
}
