using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>The rules of text and number fields, applied to a value already in the field's type; every broken rule is reported.</summary>
internal static partial class FieldChecks
{
    public static void Text(FormField field, string text, string key, ValidationRun run)
    {
        var rules = field.Rules;
        var label = field.Label;
        if (text.Length > run.Limits.MaxTextLength && (rules.MaxLength is null || rules.MaxLength > run.Limits.MaxTextLength))
        {
            run.Fail(key, label, FormCodes.MaxLength,
                $"'{label}' must have at most {run.Limits.MaxTextLength:N0} characters; it has {text.Length:N0}.");
            return;
        }

        // Lengths are counted as form-js counts them: UTF-16 units, leading and trailing spaces left out.
        var length = text.Trim().Length;
        if (length < rules.MinLength)
        {
            run.Fail(key, label, FormCodes.MinLength, $"'{label}' must have at least {rules.MinLength} characters; it has {length}.");
        }

        if (length > rules.MaxLength)
        {
            run.Fail(key, label, FormCodes.MaxLength, $"'{label}' must have at most {rules.MaxLength} characters; it has {length}.");
        }

        if (rules.Pattern is not null)
        {
            switch (run.Matches(rules.Pattern, text))
            {
                case false:
                    run.Fail(key, label, FormCodes.Pattern,
                        $"'{label}' must match the pattern {rules.PatternText}; given '{JsonValues.Shorten(text)}'.");
                    break;
                case null:
                    run.Fail(key, label, FormCodes.PatternTimeout,
                        $"'{label}' could not be checked against its pattern {JsonValues.Shorten(rules.PatternText!)} in time "
                        + $"(at most {run.Limits.PatternTimeout.TotalMilliseconds:N0} ms), so the value is refused. "
                        + "The pattern backtracks too much on this value: shorten the value, or ask the form's designer to simplify the pattern.");
                    break;
            }
        }

        if (rules.TextKind == TextKind.Email && !IsEmail(text.Trim()))
        {
            run.Fail(key, label, FormCodes.Email,
                $"'{label}' must be an email address such as name@example.com; given '{JsonValues.Shorten(text)}'.");
        }

        if (rules.TextKind == TextKind.Phone && !IsPhone(text))
        {
            run.Fail(key, label, FormCodes.Phone,
                $"'{label}' must be an international phone number such as +86 138 0013 8000; given '{JsonValues.Shorten(text)}'.");
        }
    }

    public static void Number(FormField field, decimal number, string key, ValidationRun run)
    {
        var rules = field.Rules;
        var label = field.Label;
        var given = JsonValues.Format(number);
        if (rules.DecimalDigits is { } digits && DecimalPlaces(number) > digits)
        {
            run.Fail(key, label, FormCodes.Decimals, digits == 0
                ? $"'{label}' must be a whole number; given {given}."
                : $"'{label}' must have at most {digits} decimal place{(digits == 1 ? "" : "s")}; given {given}.");
        }

        if (rules.Increment is { } step && number % step is var rest && rest != 0)
        {
            run.Fail(key, label, FormCodes.Increment, $"'{label}' must be a multiple of {JsonValues.Format(step)}; given {given}{Nearest(number, rest, step)}.");
        }

        if (number < rules.Min)
        {
            run.Fail(key, label, FormCodes.Min, $"'{label}' must be at least {JsonValues.Format(rules.Min.Value)}; given {given}.");
        }

        if (number > rules.Max)
        {
            run.Fail(key, label, FormCodes.Max, $"'{label}' must be at most {JsonValues.Format(rules.Max.Value)}; given {given}.");
        }
    }

    /// <summary>The valid values on either side, when they can be written (near decimal's limits they cannot).</summary>
    private static string Nearest(decimal number, decimal rest, decimal step)
    {
        try
        {
            var lower = rest > 0 ? number - rest : number - rest - step;
            return $", the nearest valid values are {JsonValues.Format(lower)} and {JsonValues.Format(lower + step)}";
        }
        catch (OverflowException)
        {
            return "";
        }
    }

    private static int DecimalPlaces(decimal number) => (number / 1.000000000000000000000000000000000m).Scale;

    /// <summary>
    /// The "valid e-mail address" of the HTML standard (what browsers accept in <c>type=email</c>), with a dot
    /// required in the domain: task mail goes to real mailboxes, never to a bare host name.
    /// </summary>
    private static bool IsEmail(string text) => text.Length <= 254 && EmailPattern().IsMatch(text);

    /// <summary>An international number: <c>+</c> or <c>00</c>, then 7 to 15 digits (E.164), spaces, dashes, dots and brackets allowed.</summary>
    private static bool IsPhone(string text)
    {
        var digits = new string(text.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray());
        return PhonePattern().IsMatch(digits);
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:\+|00)[1-9][0-9]{6,14}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PhonePattern();
}
