using Microsoft.Net.Http.Headers;

namespace FourDuty.Host.Web;

/// <summary>
/// The language of the pages: the one a person chose with the switch (cookie <see cref="Cookie"/>), else the first of
/// Chinese and English in the browser's preferences, else Simplified Chinese.
/// </summary>
internal static class UiLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The cookie the language switch writes; the pages' script writes it, so it is not HttpOnly.</summary>
    public const string Cookie = "fourduty.lang";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    public static string Of(HttpRequest request) => Of(request, person: null);

    /// <summary>
    /// The language of a page meant for one person (a mailed task link): the switch when used, else the person's language
    /// from the organisation (<paramref name="person"/>: zh-CN, en, or null when unknown), else the browser's.
    /// </summary>
    public static string Of(HttpRequest request, string? person)
    {
        if (request.Cookies[Cookie] is { } chosen && All.Contains(chosen, StringComparer.Ordinal))
        {
            return chosen;
        }

        if (person is not null && All.FirstOrDefault(lang => person.StartsWith(lang[..2], StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        var preferences = request.GetTypedHeaders().AcceptLanguage
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1);
        foreach (var preference in preferences)
        {
            var tag = preference.Value.Value ?? "";
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Chinese;
    }

    /// <summary>Pages differ by the cookie and the browser's language; caches must keep them apart.</summary>
    public static void Vary(HttpResponse response) =>
        response.Headers.Append(HeaderNames.Vary, new[] { HeaderNames.AcceptLanguage, HeaderNames.Cookie });
}
