using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// Renders the Liquid mail templates that designers edit as files:
/// <c>{Mail:Templates}/{template}.{culture}.subject.liquid</c>, <c>.html.liquid</c> and <c>.txt.liquid</c>.
/// The culture falls back to its parent, then to <c>Mail:Culture</c> and zh-CN. Files are parsed once and parsed
/// again when they change on disk, so an edited template is used by the next mail without a restart.
/// </summary>
internal sealed partial class MailTemplates
{
    private static readonly FluidParser Parser = new();

    // The HTML part escapes every value; Chinese stays readable (not &#x...;) since all of Unicode is allowed.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<string, ParsedFile> parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Culture, Type Model), TemplateOptions> templateOptions = new();
    private readonly NotificationOptions settings;

    public MailTemplates(IOptions<NotificationOptions> options)
    {
        settings = options.Value;
        Folder = Path.GetFullPath(settings.Templates, AppContext.BaseDirectory);
    }

    /// <summary>The template folder, as an absolute path.</summary>
    public string Folder { get; }

    /// <summary>Renders <paramref name="template"/> in <paramref name="culture"/> (or the nearest culture that has it) with <paramref name="model"/>.</summary>
    /// <param name="template">The template's name, e.g. <c>task-assigned</c>.</param>
    /// <param name="culture">The recipient's culture, e.g. <c>zh-CN</c> or <c>en</c>; <see langword="null"/> for <c>Mail:Culture</c>.</param>
    /// <param name="model">The values, e.g. a <see cref="TaskMailModel"/>; its public properties are visible in snake case.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <returns>The subject (one line), the HTML and the text, with no calendar part.</returns>
    /// <exception cref="MailTemplateException">A file is missing, not valid Liquid, or fails while rendering; the message names it.</exception>
    public async Task<MailContent> RenderAsync(string template, string? culture, object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!TemplateName().IsMatch(template))
        {
            throw new MailTemplateException(MailTemplateException.BadName, Folder,
                $"'{template}' is not a mail template name: use lower-case letters, digits and '-', e.g. 'task-assigned'.");
        }

        var (found, files) = Locate(template, culture);
        var context = CreateContext(model, found);
        var subject = await RenderFileAsync(files.Subject, context, NullEncoder.Default, cancellationToken);
        var html = await RenderFileAsync(files.Html, context, Html, cancellationToken);
        var text = await RenderFileAsync(files.Text, context, NullEncoder.Default, cancellationToken);
        return new MailContent(MailAddresses.OneLine(subject)!, html, text.Trim() + "\n", Calendar: null);
    }

    private (string Culture, TemplateFiles Files) Locate(string template, string? culture)
    {
        foreach (var candidate in MailCultures.Chain(culture, settings.Culture))
        {
            var files = new TemplateFiles(
                PathOf(template, candidate, "subject"), PathOf(template, candidate, "html"), PathOf(template, candidate, "txt"));
            var present = files.All.Where(File.Exists).ToList();
            if (present.Count == 3)
            {
                return (candidate, files);
            }

            if (present.Count > 0)
            {
                var missing = string.Join(", ", files.All.Except(present).Select(Path.GetFileName));
                throw new MailTemplateException(MailTemplateException.NotFound, files.All.Except(present).First(),
                    $"The mail template '{template}' in '{candidate}' is incomplete: {missing} is missing in {Folder}. Each culture needs its .subject.liquid, .html.liquid and .txt.liquid.");
            }
        }

        throw new MailTemplateException(MailTemplateException.NotFound, Folder,
            $"No mail template '{template}' in {Folder} for {string.Join(", ", MailCultures.Chain(culture, settings.Culture))}: add {template}.zh-CN.subject.liquid, .html.liquid and .txt.liquid there, or set Mail:Templates to the folder that has them.");
    }

    private string PathOf(string template, string culture, string part) => Path.Combine(Folder, $"{template}.{culture}.{part}.liquid");

    private TemplateContext CreateContext(object model, string culture) =>
        new(model, templateOptions.GetOrAdd((culture, model.GetType()), key => CreateOptions(key.Culture, key.Model)));

    private static TemplateOptions CreateOptions(string culture, Type model)
    {
        var options = new TemplateOptions
        {
            CultureInfo = MailCultures.ToCultureInfo(culture),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(MailDates.DefaultTimeZone),
            StrictFilters = true,
            // A misspelt variable is an error naming the file, not an empty gap in a mail to a Party secretary. (Fluid's own
            // StrictVariables also rejects members that are null, such as an optional article, so it is not used.)
            Undefined = name => throw new FluidException($"'{name}' is not a value of this mail"),
            MaxSteps = 100_000,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register(model);
        return options;
    }

    private async Task<string> RenderFileAsync(string file, TemplateContext context, TextEncoder encoder, CancellationToken cancellationToken)
    {
        var template = await ParseAsync(file, cancellationToken);
        try
        {
            return await template.RenderAsync(context, encoder);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or ArgumentException or FormatException)
        {
            throw new MailTemplateException(MailTemplateException.RenderError, file,
                $"The mail template '{file}' failed while rendering: {e.Message}. Use only the model's values (e.g. task_name, due_at, task_url) and Liquid's standard filters.");
        }
    }

    private async Task<IFluidTemplate> ParseAsync(string file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (parsed.TryGetValue(file, out var cached) && cached.Matches(info))
        {
            return cached.Template;
        }

        var source = await File.ReadAllTextAsync(file, cancellationToken);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new MailTemplateException(MailTemplateException.ParseError, file,
                $"The mail template '{file}' is not valid Liquid{Describe(error)}. Correct it and save; the next mail reads it again.");
        }

        parsed[file] = new ParsedFile(info.LastWriteTimeUtc, info.Length, template);
        return template;
    }

    /// <summary>Fluid's "'{% endif %}' was expected at (3:14)\nSource:\n{% if x %}abc" as " at line 3, column 14: ... (in: ...)".</summary>
    private static string Describe(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var position = ParserPosition().Match(lines[0]);
        var where = position.Success ? $" at line {position.Groups["line"].Value}, column {position.Groups["column"].Value}" : string.Empty;
        var what = position.Success ? lines[0].Remove(position.Index, position.Length).TrimEnd() : lines[0];
        var sourceAt = Array.IndexOf(lines, "Source:");
        var source = sourceAt >= 0 && sourceAt + 1 < lines.Length ? $" (in: {lines[sourceAt + 1]})" : string.Empty;
        return $"{where}: {what}{source}";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ParserPosition();

    private sealed record TemplateFiles(string Subject, string Html, string Text)
    {
        public IEnumerable<string> All => [Subject, Html, Text];
    }

    private sealed record ParsedFile(DateTime WrittenUtc, long Length, IFluidTemplate Template)
    {
        public bool Matches(FileInfo info) => info.Exists && info.LastWriteTimeUtc == WrittenUtc && info.Length == Length;
    }
}
