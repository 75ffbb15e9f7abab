using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.FileProviders;

namespace FourDuty.Host.Web;

/// <summary>
/// What the front-end build (<c>ClientApp/build.mjs</c>, run by <c>dotnet build</c>) left under <c>wwwroot/app/</c>:
/// each page's script and style files (content-hashed names, from <c>manifest.json</c>) and the strings per language.
/// </summary>
/// <remarks>
/// Read once per process: the files change only with a build, which restarts the service. They are looked for in the
/// web root (the project folder's <c>wwwroot/app</c> under <c>dotnet run</c>), then next to the program (the build copies
/// them there); without either, every page says the pages were not built, and the API still works.
/// </remarks>
internal sealed class ClientAssets : IDisposable
{
    public const string RequestPath = "/app";

    private readonly IFileProvider _files;
    private readonly ConcurrentDictionary<string, JsonObject> _strings = new(StringComparer.Ordinal);
    private JsonObject? _manifest;

    public ClientAssets(IWebHostEnvironment environment)
    {
        Folder = new[]
            {
                Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "app"),
                Path.Combine(AppContext.BaseDirectory, "wwwroot", "app"),
            }
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "manifest.json")));
        _files = Folder is null ? new NullFileProvider() : new PhysicalFileProvider(Folder);
    }

    /// <summary>The folder the bundles are served from, or null when the pages were not built.</summary>
    public string? Folder { get; }

    /// <summary>The page's script and style (paths under <see cref="RequestPath"/>), or null when the pages were not built.</summary>
    public PageAssets? For(string page) =>
        (_manifest ??= Read(_files, "manifest.json") as JsonObject ?? [])[page] is JsonObject entry && entry["js"]?.GetValue<string>() is { } js
            ? new PageAssets($"{RequestPath}/{js}", entry["css"]?.GetValue<string>() is { } css ? $"{RequestPath}/{css}" : null)
            : null;

    /// <summary>A string of <paramref name="language"/> by its dotted key (<c>shell.product</c>), or the key itself when missing.</summary>
    public string Text(string language, string key)
    {
        var strings = _strings.GetOrAdd(language, lang => Read(_files, $"i18n/{lang}.json") as JsonObject ?? []);
        JsonNode? node = strings;
        foreach (var part in key.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : key;
    }

    public void Dispose() => (_files as IDisposable)?.Dispose();

    private static JsonNode? Read(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        using var stream = file.CreateReadStream();
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
    }
}

/// <summary>The files one page loads.</summary>
internal sealed record PageAssets(string Script, string? Style);
