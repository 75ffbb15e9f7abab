using NodaTime;

namespace FourDuty.Engine.Time;

/// <summary>
/// When a timer fires, parsed from a timer value. Instants come out in UTC; wall-clock values without an
/// offset are read in the zone the caller gives (the engine's configured zone, Asia/Shanghai by default).
/// </summary>
public abstract class TimerSchedule
{
    private static readonly Instant MinInstant = Instant.FromDateTimeOffset(DateTimeOffset.MinValue);
    private static readonly Instant MaxInstant = Instant.FromDateTimeOffset(DateTimeOffset.MaxValue);

    private protected TimerSchedule()
    {
    }

    /// <summary>The first time the timer is due, for a timer set at <paramref name="setAt"/>; null if never.</summary>
    public abstract DateTimeOffset? FirstDue(DateTimeOffset setAt, DateTimeZone zone);

    /// <summary>
    /// The due time after the <paramref name="firedCount"/>-th firing, which was due at
    /// <paramref name="lastDue"/>; null when the schedule has no more occurrences.
    /// </summary>
    public virtual DateTimeOffset? NextDue(DateTimeOffset lastDue, int firedCount, DateTimeZone zone) => null;

    /// <summary>Reads an ISO 8601 date, duration or repeating interval, or a cron expression (cycles only).</summary>
    /// <param name="kind">Which BPMN element the value came from.</param>
    /// <param name="text">The value, already free of expressions.</param>
    /// <param name="schedule">The schedule, when the result is true.</param>
    /// <param name="error">What is wrong and how a correct value looks, when the result is false.</param>
    public static bool TryParse(TimerKind kind, string text, out TimerSchedule? schedule, out string error) =>
        TimerScheduleParser.TryParse(kind, text.Trim(), out schedule, out error);

    // Instants outside what DateTimeOffset holds (NodaTime reaches further) are clamped: before year 1 is simply
    // long past, after year 9999 is never.
    private protected static DateTimeOffset ToDateTimeOffset(Instant instant) =>
        instant < MinInstant ? DateTimeOffset.MinValue
        : instant > MaxInstant ? DateTimeOffset.MaxValue
        : instant.ToDateTimeOffset();

    /// <summary><paramref name="from"/> plus <paramref name="period"/>; null when that is beyond the year 9999, that is never.</summary>
    private protected static DateTimeOffset? AddPeriod(DateTimeOffset from, Period period, DateTimeZone zone)
    {
        var instant = Instant.FromDateTimeOffset(from);
        try
        {
            // Calendar parts (years, months, days) move the wall clock in the zone, so "P1M" from 31 January is
            // the end of February and "P1D" keeps the time of day; the time part is then exact elapsed time. A period
            // without calendar parts never goes through the wall clock: where the clock is put back, one local time
            // stands for two instants, and the round trip would return to the first of them again and again.
            if (HasCalendarPart(period))
            {
                var local = instant.InZone(zone).LocalDateTime;
                var datePart = new PeriodBuilder
                {
                    Years = period.Years, Months = period.Months, Weeks = period.Weeks, Days = period.Days,
                }.Build();
                instant = (local + datePart).InZoneLeniently(zone).ToInstant();
            }

            instant += ElapsedPart(period);
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }

        return instant > MaxInstant ? null : ToDateTimeOffset(instant);
    }

    internal static bool HasCalendarPart(Period period) =>
        period.Years != 0 || period.Months != 0 || period.Weeks != 0 || period.Days != 0;

    internal static Duration ElapsedPart(Period period) =>
        Duration.FromHours(period.Hours) + Duration.FromMinutes(period.Minutes) + Duration.FromSeconds(period.Seconds)
        + Duration.FromMilliseconds(period.Milliseconds) + Duration.FromTicks(period.Ticks) + Duration.FromNanoseconds(period.Nanoseconds);
}

/// <summary>A timer due at one instant (<c>timeDate</c>).</summary>
public sealed class DateSchedule : TimerSchedule
{
    private readonly LocalDateTime _local;
    private readonly Offset? _offset;

    internal DateSchedule(LocalDateTime local, Offset? offset)
    {
        _local = local;
        _offset = offset;
    }

    /// <inheritdoc />
    public override DateTimeOffset? FirstDue(DateTimeOffset setAt, DateTimeZone zone) => At(zone);

    /// <summary>The instant, reading a value without an offset in <paramref name="zone"/>.</summary>
    public DateTimeOffset At(DateTimeZone zone) => _offset is { } offset
        ? ToDateTimeOffset(_local.WithOffset(offset).ToInstant())
        : ToDateTimeOffset(_local.InZoneLeniently(zone).ToInstant());
}

/// <summary>A timer due once, a period after it is set (<c>timeDuration</c>).</summary>
public sealed class DurationSchedule : TimerSchedule
{
    internal DurationSchedule(Period period) => Period = period;

    internal Period Period { get; }

    /// <inheritdoc />
    public override DateTimeOffset? FirstDue(DateTimeOffset setAt, DateTimeZone zone) => AddPeriod(setAt, Period, zone);
}

/// <summary>
/// A repeating timer: <c>Rn/period</c>, <c>R/period</c>, <c>Rn/start/period</c> (ISO 8601 repeating
/// intervals). Without a start, the first firing is one period after the timer is set; with a start, the
/// series begins at the start, and occurrences before the timer was set are skipped but still counted.
/// </summary>
/// <remarks>
/// With a start, occurrence n is the start plus n - 1 periods, counted on the wall clock of the engine's zone:
/// "monthly from 31 January" falls on the last day of each month, not on the 28th for ever after February.
/// </remarks>
public sealed class CycleSchedule : TimerSchedule
{
    private readonly DateSchedule? _start;

    internal CycleSchedule(int? repetitions, DateSchedule? start, Period interval)
    {
        Repetitions = repetitions;
        _start = start;
        Interval = interval;
    }

    /// <summary>How many times the timer fires in all; null for unbounded (<c>R/</c>).</summary>
    public int? Repetitions { get; }

    internal Period Interval { get; }

    /// <inheritdoc />
    public override DateTimeOffset? FirstDue(DateTimeOffset setAt, DateTimeZone zone)
    {
        if (Repetitions == 0)
        {
            return null;
        }

        if (_start is null)
        {
            return AddPeriod(setAt, Interval, zone);
        }

        var (due, number) = FirstAtOrAfter(_start.At(zone), setAt, zone);
        return number > Repetitions || due == DateTimeOffset.MaxValue ? null : due;
    }

    /// <inheritdoc />
    /// <remarks>
    /// With a start, what counts towards <see cref="Repetitions"/> is the place of <paramref name="lastDue"/> in the
    /// series, the occurrences skipped before the timer was set included, not <paramref name="firedCount"/>.
    /// </remarks>
    public override DateTimeOffset? NextDue(DateTimeOffset lastDue, int firedCount, DateTimeZone zone)
    {
        if (_start is null)
        {
            return firedCount >= Repetitions ? null : AddPeriod(lastDue, Interval, zone);
        }

        var start = _start.At(zone);
        var number = FirstAtOrAfter(start, lastDue, zone).Number;
        var next = Occurrence(start, number + 1, zone);
        return number >= Repetitions || next == DateTimeOffset.MaxValue ? null : next;
    }

    // The first occurrence at or after the instant and its number (the start is number 1). The number is estimated
    // from the average length of the period, then corrected by the step or two that months of 28 to 31 days and
    // clock changes make, so a series that started years ago every second costs no more than one starting tomorrow.
    private (DateTimeOffset Due, long Number) FirstAtOrAfter(DateTimeOffset start, DateTimeOffset instant, DateTimeZone zone)
    {
        if (start >= instant)
        {
            return (start, 1);
        }

        var number = 1 + (long)Math.Floor((instant - start).Ticks / AverageLength(Interval));
        while (Occurrence(start, number, zone) < instant)
        {
            number++;
        }

        while (number > 1 && Occurrence(start, number - 1, zone) >= instant)
        {
            number--;
        }

        return (Occurrence(start, number, zone), number);
    }

    // Beyond the year 9999 there are no more occurrences: DateTimeOffset.MaxValue stands for "never".
    private DateTimeOffset Occurrence(DateTimeOffset start, long number, DateTimeZone zone)
    {
        var steps = number - 1;
        try
        {
            var at = start;
            if (HasCalendarPart(Interval))
            {
                // One day at least: more steps than an int holds are millions of years away.
                var times = checked((int)steps);
                var calendar = new PeriodBuilder
                {
                    Years = checked(Interval.Years * times), Months = checked(Interval.Months * times),
                    Weeks = checked(Interval.Weeks * times), Days = checked(Interval.Days * times),
                }.Build();
                at = AddPeriod(start, calendar, zone) ?? DateTimeOffset.MaxValue;
            }

            var elapsed = checked(ElapsedPart(Interval).BclCompatibleTicks * steps);
            return elapsed > (DateTimeOffset.MaxValue - at).Ticks ? DateTimeOffset.MaxValue : at.AddTicks(elapsed);
        }
        catch (OverflowException)
        {
            return DateTimeOffset.MaxValue;
        }
    }

    private static double AverageLength(Period period) =>
        ElapsedPart(period).BclCompatibleTicks
        + ((period.Years * 365.2425) + (period.Months * 30.436875) + (period.Weeks * 7) + period.Days) * TimeSpan.TicksPerDay;
}

/// <summary>A repeating timer by cron expression, read in the engine's zone; it repeats until its scope ends.</summary>
public sealed class CronSchedule : TimerSchedule
{
    private readonly Cronos.CronExpression _cron;

    internal CronSchedule(Cronos.CronExpression cron) => _cron = cron;

    /// <inheritdoc />
    public override DateTimeOffset? FirstDue(DateTimeOffset setAt, DateTimeZone zone) => Next(setAt, zone);

    /// <inheritdoc />
    public override DateTimeOffset? NextDue(DateTimeOffset lastDue, int firedCount, DateTimeZone zone) => Next(lastDue, zone);

    private DateTimeOffset? Next(DateTimeOffset after, DateTimeZone zone)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone.Id);
        return _cron.GetNextOccurrence(after, timeZone)?.ToUniversalTime();
    }
}
