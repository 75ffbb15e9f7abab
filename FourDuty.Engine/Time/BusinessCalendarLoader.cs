using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace FourDuty.Engine.Time;

/// <summary>
/// Reads a calendar data file and checks it, so that a typing mistake in a date stops the start with the file
/// and the field named, instead of moving deadlines. Format: <c>seeds/README.md</c>.
/// </summary>
internal static class BusinessCalendarLoader
{
    private const string Official = "official";
    private const string Unconfirmed = "unconfirmed";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="InvalidDataException">The text is not a valid calendar.</exception>
    public static BusinessCalendar Read(ReadOnlySpan<byte> json, string source, DateTimeZone zone) => Build(Parse(json, source), zone, source);

    /// <summary>The file's content, checked as <see cref="Build"/> checks it.</summary>
    /// <exception cref="InvalidDataException">The text is not a valid calendar (its <see cref="Exception.Data"/> names the field under <see cref="BusinessCalendar.FieldKey"/>).</exception>
    public static BusinessCalendarData Parse(ReadOnlySpan<byte> json, string source)
    {
        CalendarFile file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarFile>(json, Options)
                ?? throw Invalid(source, "$", "the file holds null; it must be an object with \"years\".");
        }
        catch (JsonException exception)
        {
            // The serializer's message already names the path and the line; ours leads with the file.
            var line = exception.LineNumber is { } zeroBased ? $" line {zeroBased + 1}" : "";
            throw new InvalidDataException($"{source}{line} ({exception.Path ?? "$"}): {Explain(exception)}", exception);
        }

        var years = new List<CalendarYearData>();
        for (var y = 0; y < file.Years.Count; y++)
        {
            var entry = file.Years[y];
            var at = $"$.years[{y}]";
            var status = entry.Status switch
            {
                Official => CalendarYearStatus.Official,
                Unconfirmed => CalendarYearStatus.Unconfirmed,
                _ => throw Invalid(source, $"{at}.status", $"'{entry.Status}' is neither \"{Official}\" (from the published notice) nor \"{Unconfirmed}\"."),
            };
            var holidays = entry.Holidays.Select((holiday, h) =>
            {
                var from = Date(holiday.From, entry.Year, source, $"{at}.holidays[{h}].from");
                return new CalendarHoliday(holiday.Name, from, holiday.To is null ? from : Date(holiday.To, entry.Year, source, $"{at}.holidays[{h}].to"));
            }).ToList();
            var workingDays = entry.MakeUpWorkingDays
                .Select((day, w) => new CalendarMakeUpDay(Date(day.Date, entry.Year, source, $"{at}.makeUpWorkingDays[{w}].date"), day.Name))
                .ToList();
            years.Add(new CalendarYearData(entry.Year, status, entry.Source, entry.Note, holidays, workingDays));
        }

        var data = new BusinessCalendarData(years);
        Check(data, source);
        return data;
    }

    /// <summary>A calendar of <paramref name="data"/>, read from a file or kept in a database.</summary>
    /// <exception cref="InvalidDataException">A field breaks a rule; the message names <paramref name="source"/> and the field.</exception>
    public static BusinessCalendar Build(BusinessCalendarData data, DateTimeZone zone, string? source)
    {
        var (holidays, workingDays) = Check(data, source ?? "the business calendar");
        return new BusinessCalendar(zone, data.Years.Select(y => y.Year), data.Years.Where(y => y.Status == CalendarYearStatus.Unconfirmed).Select(y => y.Year),
            holidays, workingDays, source);
    }

    private static (IEnumerable<LocalDate> Holidays, IEnumerable<LocalDate> WorkingDays) Check(BusinessCalendarData data, string source)
    {
        if (data.Years.Count == 0)
        {
            throw Invalid(source, "$.years", "the file lists no year. Add one entry per year, from the State Council's notice.");
        }

        var years = new HashSet<int>();
        var holidays = new Dictionary<LocalDate, string>();
        var workingDays = new Dictionary<LocalDate, string>();
        for (var y = 0; y < data.Years.Count; y++)
        {
            var entry = data.Years[y];
            var at = $"$.years[{y}]";
            if (entry.Year is < 1900 or > 2999 || !years.Add(entry.Year))
            {
                throw Invalid(source, $"{at}.year", entry.Year is < 1900 or > 2999
                    ? $"{entry.Year} is not a plausible year."
                    : $"{entry.Year} is listed twice. Merge the two entries.");
            }

            if (string.IsNullOrWhiteSpace(entry.Source))
            {
                throw Invalid(source, $"{at}.source", "say where the dates come from (the notice's title and date).");
            }

            for (var h = 0; h < entry.Holidays.Count; h++)
            {
                var holiday = entry.Holidays[h];
                Near(holiday.From, entry.Year, source, $"{at}.holidays[{h}].from");
                Near(holiday.To, entry.Year, source, $"{at}.holidays[{h}].to");
                if (holiday.To < holiday.From)
                {
                    throw Invalid(source, $"{at}.holidays[{h}].to", $"{Text(holiday.To)} is before \"from\" ({Text(holiday.From)}).");
                }

                for (var date = holiday.From; date <= holiday.To; date = date.PlusDays(1))
                {
                    holidays.TryAdd(date, $"{at}.holidays[{h}]");
                }
            }

            for (var w = 0; w < entry.MakeUpWorkingDays.Count; w++)
            {
                var at2 = $"{at}.makeUpWorkingDays[{w}].date";
                var date = entry.MakeUpWorkingDays[w].Date;
                Near(date, entry.Year, source, at2);
                if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                {
                    throw Invalid(source, at2, $"{Text(date)} is a {date.DayOfWeek}, a working day anyway. A make-up working day is a Saturday or Sunday worked in exchange for a day off.");
                }

                workingDays.TryAdd(date, at2);
            }
        }

        foreach (var (date, where) in workingDays)
        {
            if (holidays.TryGetValue(date, out var holiday))
            {
                throw Invalid(source, where, $"{Text(date)} is also a day off in {holiday}. A day is either off or worked; fix one of the two.");
            }
        }

        return (holidays.Keys, workingDays.Keys);
    }

    private static LocalDate Date(string text, int year, string source, string field)
    {
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        return parsed.Success
            ? parsed.Value
            : throw Invalid(source, field, $"'{text}' is not a date. Write it as yyyy-MM-dd, e.g. {year}-10-01.");
    }

    // A notice may put days at the edge of the next or previous year (New Year's Day bridging 31 December), never further.
    private static void Near(LocalDate date, int year, string source, string field)
    {
        if (Math.Abs(date.Year - year) > 1)
        {
            throw Invalid(source, field, $"{Text(date)} is far from the entry's year {year}. Put it under its own year.");
        }
    }

    private static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static InvalidDataException Invalid(string source, string field, string message) =>
        new($"{source} ({field}): {message}") { Data = { [BusinessCalendar.FieldKey] = field } };

    // System.Text.Json's messages name our private record types; say it in the file's terms where we recognise
    // the case, and keep its own words (syntax errors read well) otherwise.
    private static string Explain(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "no such field. Check its spelling against seeds/README.md (names are case-sensitive).";
        }

        var missing = message.IndexOf("missing required properties including: ", StringComparison.Ordinal);
        if (missing >= 0)
        {
            return $"a required field is missing: {message[(missing + 39)..].TrimEnd('.')}.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "this value has the wrong JSON type (text, number, list or object); see seeds/README.md.";
        }

        return message.Contains("doesn't allow null", StringComparison.Ordinal) ? "this field must not be null." : message;
    }

    private sealed record CalendarFile(IReadOnlyList<YearEntry> Years, string? Description = null);

    private sealed record YearEntry(
        int Year,
        string Status,
        string Source,
        IReadOnlyList<HolidayEntry> Holidays,
        IReadOnlyList<WorkingDayEntry> MakeUpWorkingDays,
        string? Note = null);

    private sealed record HolidayEntry(string Name, string From, string? To = null);

    private sealed record WorkingDayEntry(string Date, string? Name = null);
}
