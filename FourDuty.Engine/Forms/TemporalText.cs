using System.Globalization;
using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>
/// Reads and writes the ISO 8601 strings that form-js date and time fields submit: <c>2026-05-01</c>,
/// <c>09:30+08:00</c> (or <c>01:30Z</c>, or <c>09:30</c>, by the field's <c>timeSerializingFormat</c>) and
/// <c>2026-05-01T09:30+08:00</c>. Output is normalised: minutes unless seconds are given, <c>Z</c> for a zero offset.
/// </summary>
internal static partial class TemporalText
{
    public static bool TryDate(string text, out string normalized)
    {
        var ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        normalized = ok ? FormatDate(date) : "";
        return ok;
    }

    public static bool TryTime(string text, TimeFormat format, out string normalized)
    {
        normalized = "";
        var match = TimePattern().Match(text.Trim());
        if (!match.Success || !TryReadTime(match, out var time) || !TryReadOffset(match.Groups["offset"].Value, format, out var offset))
        {
            return false;
        }

        if (format == TimeFormat.UtcNormalized)
        {
            var ticks = (time.Ticks - offset!.Value.Ticks) % TimeSpan.TicksPerDay;
            time = new TimeOnly(ticks < 0 ? ticks + TimeSpan.TicksPerDay : ticks);
            offset = TimeSpan.Zero;
        }

        normalized = FormatTime(time) + FormatOffset(offset);
        return true;
    }

    public static bool TryDateTime(string text, TimeFormat format, out string normalized)
    {
        normalized = "";
        var match = DateTimePattern().Match(text.Trim());
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TryReadTime(match, out var time)
            || !TryReadOffset(match.Groups["offset"].Value, format, out var offset))
        {
            return false;
        }

        if (format == TimeFormat.UtcNormalized)
        {
            var local = date.ToDateTime(time);
            var utcTicks = local.Ticks - offset!.Value.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            var utc = new DateTime(utcTicks, DateTimeKind.Utc);
            date = DateOnly.FromDateTime(utc);
            time = TimeOnly.FromDateTime(utc);
            offset = TimeSpan.Zero;
        }

        normalized = FormatDate(date) + "T" + FormatTime(time) + FormatOffset(offset);
        return true;
    }

    /// <summary>An example of what a field takes, for messages.</summary>
    public static string Example(FormFieldType type, TimeFormat format)
    {
        var time = format switch
        {
            TimeFormat.UtcNormalized => "01:30Z",
            TimeFormat.NoTimezone => "09:30",
            _ => "09:30+08:00",
        };
        return type switch
        {
            FormFieldType.Date => "a date such as 2026-05-01",
            FormFieldType.Time => $"a time such as {time}",
            _ => $"a date and time such as 2026-05-01T{time}",
        };
    }

    private static bool TryReadTime(Match match, out TimeOnly time)
    {
        time = default;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var fraction = match.Groups["f"].Success ? long.Parse(match.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
        time = new TimeOnly(new TimeSpan(hour, minute, second).Ticks + fraction);
        return true;
    }

    /// <summary>An offset is required for the UTC formats and refused for the zone-less one.</summary>
    private static bool TryReadOffset(string text, TimeFormat format, out TimeSpan? offset)
    {
        offset = null;
        if (text.Length == 0)
        {
            return format == TimeFormat.NoTimezone;
        }

        if (format == TimeFormat.NoTimezone)
        {
            return false;
        }

        if (text is "Z" or "z")
        {
            offset = TimeSpan.Zero;
            return true;
        }

        var hours = int.Parse(text.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        offset = text[0] == '-' ? -span : span;
        return true;
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatTime(TimeOnly time)
    {
        if (time.Second == 0 && time.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        return time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    private static string FormatOffset(TimeSpan? offset) => offset switch
    {
        null => "",
        { Ticks: 0 } => "Z",
        { } o => (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
    };

    private const string TimePart = @"(?<h>[0-9]{2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,7}))?)?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?";

    [GeneratedRegex("^" + TimePart + @"\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T" + TimePart + @"\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateTimePattern();
}
