using System.Globalization;

namespace FourDuty.Workflows.Notifications;

/// <summary>Culture names of mails and the order in which templates fall back.</summary>
internal static class MailCultures
{
    /// <summary>True for names like <c>zh-CN</c>, <c>en</c>, <c>zh-Hans-CN</c>: letters and digits in parts joined by '-'.</summary>
    public static bool IsWellFormed(string? culture) =>
        !string.IsNullOrEmpty(culture) && culture.Length <= 35
        && culture.Split('-').All(part => part.Length is > 0 and <= 8 && part.All(char.IsAsciiLetterOrDigit));

    /// <summary>
    /// The cultures to try, most specific first: <paramref name="culture"/>, its parents (<c>en-US</c> → <c>en</c>),
    /// then <paramref name="fallback"/> and <c>zh-CN</c>.
    /// </summary>
    public static IReadOnlyList<string> Chain(string? culture, string fallback)
    {
        var chain = new List<string>();
        if (IsWellFormed(culture))
        {
            for (var name = culture!; name.Length > 0; name = name.Contains('-') ? name[..name.LastIndexOf('-')] : string.Empty)
            {
                chain.Add(name);
            }
        }

        chain.Add(fallback);
        chain.Add(NotificationOptions.DefaultCulture);
        return chain.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The .NET culture for formatting, or zh-CN when the name is unknown to this machine.</summary>
    public static CultureInfo ToCultureInfo(string culture)
    {
        try
        {
            return CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(NotificationOptions.DefaultCulture);
        }
    }
}
