using System.Text;
using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>
/// Compiles a form-js <c>validate.pattern</c> (a JavaScript regular expression without flags, tested unanchored as
/// the browser tests it) into a .NET regex with a match timeout.
/// </summary>
/// <remarks>
/// ECMAScript mode gives JavaScript's meaning to <c>\d</c>, <c>\w</c> and <c>\s</c> (ASCII only). Patterns that
/// ECMAScript mode refuses but .NET reads (lookbehind in some forms, <c>\p{…}</c>) fall back to .NET's default mode.
/// JavaScript's <c>$</c> matches only at the very end, while .NET's also matches before a final newline, so an
/// unescaped <c>$</c> outside a character class becomes <c>\z</c>: <c>^\d+$</c> must refuse <c>"12\n"</c> here as
/// in the browser. The timeout, not the pattern, is what protects the host from catastrophic backtracking.
/// </remarks>
internal static class JsPattern
{
    public static Regex? TryCompile(string pattern, TimeSpan timeout, out string? error)
    {
        var translated = AnchorEndStrictly(pattern);
        try
        {
            error = null;
            return new Regex(translated, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException)
        {
            // Fall through: try .NET's own dialect, which reads some modern JavaScript syntax ECMAScript mode lacks.
        }

        try
        {
            error = null;
            return new Regex(translated, RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }

    internal static string AnchorEndStrictly(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                result.Append(c);

                // A ']' right after '[' or '[^' is a literal member of the class in .NET's reading.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(pattern[++i]);
                }
            }
            else
            {
                result.Append(c == '$' ? @"\z" : c.ToString());
            }
        }

        return result.ToString();
    }
}
