using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using NodaTime;
using NodaTime.Text;

namespace FourDuty.Engine.Time;

internal static partial class TimerScheduleParser
{
    private const string DateExample = "2027-01-05T09:00:00+08:00, or 2027-01-05T09:00 in the configured zone";
    private const string DurationExample = "PT10M, P3D, P1Y2M, P2W";
    private const string CycleExample = "R3/PT1H, R/P1D, R/2027-01-05T09:00:00+08:00/P1Y, or a cron expression such as 0 0 9 * * ?";

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    private static readonly LocalDatePattern DateOnlyPattern = LocalDatePattern.Iso;

    public static bool TryParse(TimerKind kind, string text, out TimerSchedule? schedule, out string error)
    {
        schedule = null;
        error = "";
        if (text.Length == 0)
        {
            error = $"the value is empty; give a {Describe(kind)}";
            return false;
        }

        switch (kind)
        {
            case TimerKind.Date when TryParseDate(text, out var date):
                schedule = date;
                return true;
            case TimerKind.Date:
                error = $"'{text}' is not an ISO 8601 date-time (examples: {DateExample})";
                return false;
            case TimerKind.Duration when TryParsePeriod(text, out var period):
                schedule = new DurationSchedule(period);
                return true;
            case TimerKind.Duration:
                error = $"'{text}' is not an ISO 8601 duration (examples: {DurationExample})";
                return false;
            default:
                return TryParseCycle(text, out schedule, out error);
        }
    }

    private static string Describe(TimerKind kind) => kind switch
    {
        TimerKind.Date => $"date-time such as {DateExample}",
        TimerKind.Duration => $"duration such as {DurationExample}",
        _ => $"cycle such as {CycleExample}",
    };

    private static bool TryParseDate(string text, out DateSchedule date)
    {
        var normalized = text.EndsWith('z') ? text[..^1] + "Z" : text;
        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(normalized);
            if (result.Success)
            {
                date = new DateSchedule(result.Value.LocalDateTime, result.Value.Offset);
                return true;
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(normalized);
            if (result.Success)
            {
                date = new DateSchedule(result.Value, offset: null);
                return true;
            }
        }

        var dateOnly = DateOnlyPattern.Parse(normalized);
        date = dateOnly.Success ? new DateSchedule(dateOnly.Value.AtMidnight(), offset: null) : null!;
        return dateOnly.Success;
    }

    private static bool TryParsePeriod(string text, out Period period)
    {
        var result = PeriodPattern.NormalizingIso.Parse(text);
        period = result.Success ? result.Value : Period.Zero;
        // A negative or zero-length repeat interval would fire in a loop; zero is allowed only as a one-off duration.
        return result.Success && !HasNegativePart(period);
    }

    private static bool HasNegativePart(Period p) =>
        p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0
        || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;

    private static bool TryParseCycle(string text, out TimerSchedule? schedule, out string error)
    {
        schedule = null;
        if (!text.StartsWith('R'))
        {
            return TryParseCron(text, out schedule, out error);
        }

        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3)
        {
            error = $"'{text}' is not a repeating interval: write R[n]/[start/]period (examples: {CycleExample})";
            return false;
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                error = $"'{parts[0]}' in '{text}' is not R followed by a whole number of repetitions";
                return false;
            }

            repetitions = n;
        }

        DateSchedule? start = null;
        if (parts.Length == 3 && !TryParseDate(parts[1], out start))
        {
            error = $"'{parts[1]}' in '{text}' is not an ISO 8601 start date-time (examples: {DateExample})";
            return false;
        }

        var periodText = parts[^1];
        if (!TryParsePeriod(periodText, out var interval))
        {
            error = TryParseDate(periodText, out _)
                ? $"'{text}' ends with a date; FourDuty reads cycles as R[n]/[start/]period, so put the period last"
                : $"'{periodText}' in '{text}' is not an ISO 8601 period (examples: {DurationExample})";
            return false;
        }

        // A timer that fires more than once a second would keep the engine busy with nothing else.
        if (!TimerSchedule.HasCalendarPart(interval) && TimerSchedule.ElapsedPart(interval) < Duration.FromSeconds(1))
        {
            error = $"'{text}' repeats more often than once a second; give a period of at least PT1S";
            return false;
        }

        schedule = new CycleSchedule(repetitions, start, interval);
        error = "";
        return true;
    }

    private static bool TryParseCron(string text, out TimerSchedule? schedule, out string error)
    {
        schedule = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            error = fields.Length == 7
                ? $"'{text}' has a year field; FourDuty reads cron with 5 fields (minute first) or 6 (seconds first), without a year"
                : $"'{text}' is neither a repeating interval nor a cron expression (examples: {CycleExample})";
            return false;
        }

        try
        {
            // Six fields is the Quartz form that Camunda uses, whose weekdays are numbered 1 (Sunday) to 7.
            var cronText = fields.Length == 6
                ? string.Join(' ', fields[..5].Append(QuartzWeekdays().Replace(fields[5], ShiftWeekday)))
                : text;
            var format = fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            schedule = new CronSchedule(CronExpression.Parse(cronText, format));
            error = "";
            return true;
        }
        catch (CronFormatException exception)
        {
            error = $"'{text}' is not a valid cron expression: {exception.Message}";
            return false;
        }
    }

    private static string ShiftWeekday(Match match) =>
        (int.Parse(match.Value, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);

    // A weekday number: alone, in a range or list, or before L ("6L", the last Friday); not the occurrence after '#'
    // ("2#1") and not the step after '/' ("2/3").
    [GeneratedRegex(@"(?<![#/\d])[1-7](?!\d)")]
    private static partial Regex QuartzWeekdays();
}
