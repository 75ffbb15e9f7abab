using System.Globalization;

namespace FourDuty.Engine.Variables;

/// <summary>
/// What names and keys that come from outside may hold: variable names, process keys, business keys, file names.
/// Control characters hide text in logs and pages, bidirectional overrides make a name read differently from what it
/// is (<c>invoice\u202Efdp.exe</c>), and path separators let a name climb out of a folder.
/// </summary>
internal static class InputRules
{
    /// <summary>Longest name or key (default for every kind; a business key or file name needs no more).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why <paramref name="value"/> cannot be used as <paramref name="what"/>, or null when it can.</summary>
    /// <param name="value">The name as sent.</param>
    /// <param name="what">What it names, for the message (<c>variable name</c>, <c>business key</c>).</param>
    /// <param name="allowSeparators">True for text that is no name of a file or path (a business key may hold '/').</param>
    public static string? Problem(string value, string what, bool allowSeparators = false)
    {
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            return $"The {what} is empty.";
        }

        if (value.Length > MaxNameLength)
        {
            return $"The {what} '{value[..40]}…' has {value.Length:N0} characters; at most {MaxNameLength} are accepted.";
        }

        foreach (var c in value)
        {
            var reason = c switch
            {
                _ when char.IsControl(c) => "a control character",
                '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => "a bidirectional formatting character",
                '/' or '\\' when !allowSeparators => "a path separator",
                _ => null,
            };
            if (reason is not null)
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return $"The {what} '{Visible(value)}' holds {reason} (U+{code}); use letters, digits, '-', '_' or '.'.";
            }
        }

        return null;
    }

    // The value with every character that the rules refuse shown as its code, so the message itself hides nothing.
    private static string Visible(string value) => string.Concat(value.Select(c =>
        char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            ? $"\\u{(int)c:X4}"
            : c.ToString()));
}
