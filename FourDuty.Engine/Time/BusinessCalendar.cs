using NodaTime;

namespace FourDuty.Engine.Time;

/// <summary>
/// Working days from a data file of public holidays and make-up working days: Saturdays and Sundays are off
/// unless listed as make-up working days (调休上班日), listed holidays are off, every other day is a working day.
/// </summary>
/// <remarks>
/// <para>
/// Counting rule (<see cref="AddWorkingDays"/>): the start's own date never counts, whether it is a working day
/// or not; the result is on the n-th working day after that date, at the start's time of day. So "5 working days"
/// from Friday 15:00 of an ordinary week is the next Friday at 15:00, and one working day from Saturday
/// 3 October 2026 10:00 (National Day holiday) is Thursday 8 October 10:00. Zero working days gives the start
/// unchanged; a negative count goes back the same way ("2 working days before the deadline").
/// </para>
/// <para>
/// Years are covered one by one, as the State Council publishes them; a year without data throws
/// <see cref="BusinessCalendarException"/>. A year whose data is marked unconfirmed in the file (its notice was
/// not yet published) is answered from what the file has, and listed in <see cref="UnconfirmedYears"/> so that the
/// host can warn about it. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class BusinessCalendar : IBusinessCalendar
{
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _makeUpWorkingDays;
    private readonly SortedSet<int> _years;
    private readonly string? _source;

    internal BusinessCalendar(
        DateTimeZone zone,
        IEnumerable<int> years,
        IEnumerable<int> unconfirmedYears,
        IEnumerable<LocalDate> holidays,
        IEnumerable<LocalDate> makeUpWorkingDays,
        string? source)
    {
        Zone = zone;
        _years = [.. years];
        UnconfirmedYears = [.. unconfirmedYears.Order()];
        _holidays = [.. holidays];
        _makeUpWorkingDays = [.. makeUpWorkingDays];
        _source = source;
    }

    /// <inheritdoc />
    public DateTimeZone Zone { get; }

    /// <summary>The years the calendar has data for, in order.</summary>
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Covered years whose data the file marks as unconfirmed: answers in them may change when the official notice is entered.</summary>
    public IReadOnlyList<int> UnconfirmedYears { get; }

    /// <summary>Reads a calendar data file (format: <c>seeds/README.md</c>).</summary>
    /// <param name="path">The JSON file, e.g. <c>seeds/calendar/cn-2026-2027.json</c>.</param>
    /// <param name="zone">The zone in which instants are turned into dates (the engine's zone, Asia/Shanghai by default).</param>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="InvalidDataException">The file is not a valid calendar; the message names the file, and the line or the field.</exception>
    public static BusinessCalendar Load(string path, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(zone);
        return BusinessCalendarLoader.Read(File.ReadAllBytes(path), path, zone);
    }

    /// <summary>The key of <see cref="Exception.Data"/> under which a refused calendar names the field, e.g. <c>$.years[0].holidays[2].to</c>.</summary>
    public const string FieldKey = "field";

    /// <summary>Reads and checks the content of a calendar data file without building the calendar (to store it elsewhere).</summary>
    /// <param name="json">The file's bytes (UTF-8 JSON).</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="InvalidDataException">
    /// The text is not a valid calendar; the message names <paramref name="source"/> and the line or the field
    /// (the field's JSON path is also in <see cref="Exception.Data"/> under <see cref="FieldKey"/>, to find its line).
    /// </exception>
    public static BusinessCalendarData Parse(ReadOnlySpan<byte> json, string source) => BusinessCalendarLoader.Parse(json, source);

    /// <summary>The calendar of <paramref name="data"/>, checked as a file is.</summary>
    /// <param name="data">The years.</param>
    /// <param name="zone">The zone in which instants are turned into dates.</param>
    /// <param name="source">Where the data is kept, for messages (a file, "the database").</param>
    /// <exception cref="InvalidDataException">A value breaks a rule; the message names the field (also in <see cref="Exception.Data"/> under <see cref="FieldKey"/>).</exception>
    public static BusinessCalendar Create(BusinessCalendarData data, DateTimeZone zone, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(zone);
        return BusinessCalendarLoader.Build(data, zone, source);
    }

    /// <inheritdoc />
    public bool IsWorkingDay(LocalDate date)
    {
        if (!_years.Contains(date.Year))
        {
            throw new BusinessCalendarException(date.Year, _years, _source);
        }

        if (_makeUpWorkingDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.Contains(date);
    }

    /// <inheritdoc />
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays)
    {
        var local = Instant.FromDateTimeOffset(start).InZone(Zone).LocalDateTime;
        var step = Math.Sign(workingDays);
        var date = local.Date;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date.At(local.TimeOfDay).InZoneLeniently(Zone).ToInstant().ToDateTimeOffset();
    }

    /// <inheritdoc />
    public int CountWorkingDays(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var date = from.PlusDays(1); date <= to; date = date.PlusDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
