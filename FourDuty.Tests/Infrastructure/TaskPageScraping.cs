using System.Net;
using System.Text.RegularExpressions;

namespace FourDuty.Tests.Infrastructure;

/// <summary>What a test reads off a task mail or task page, as a person's browser would use it.</summary>
internal static partial class TaskPageScraping
{
    /// <summary>The first task link (<c>http://host/t/{token}</c>) in a mail or page; empty when there is none.</summary>
    public static string TaskLinkIn(string text) => TaskLink().Match(text).Value;

    /// <summary>The page's antiforgery field, as the browser posts it back with the form.</summary>
    public static KeyValuePair<string, string> AntiforgeryField(string page)
    {
        var match = HiddenField().Match(page);
        match.Success.ShouldBeTrue("the page has no antiforgery field");
        return new(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    /// <summary>The page's form with nothing filled in but the antiforgery field.</summary>
    public static FormUrlEncodedContent EmptyFormFrom(string page) => new([AntiforgeryField(page)]);

    [GeneratedRegex(@"http://[^""\s<]+/t/[A-Za-z0-9_-]{43}")]
    private static partial Regex TaskLink();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex HiddenField();
}
