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

        var (due, number) = FirstAtOrAfter(setAt, zone);
        return number > Repetitions ? null : due;
    }

    /// <inheritdoc />
    /// <remarks>
    /// With a start, the series is fixed in time: what counts towards <see cref="Repetitions"/> is the place of
    /// <paramref name="lastDue"/> in the series, the occurrences skipped before the timer was set included, not
    /// <paramref name="firedCount"/>.
    /// </remarks>
    public override DateTimeOffset? NextDue(DateTimeOffset lastDue, int firedCount, DateTimeZone zone)
    {
        var number = _start is null ? firedCount : FirstAtOrAfter(lastDue, zone).Number;
        return number >= Repetitions ? null : AddPeriod(lastDue, Interval, zone);
    }

    // The first occurrence at or after the instant, and its number in the series (the start is number 1); the due time
    // is DateTimeOffset.MaxValue when the series runs out of years first.
    private (DateTimeOffset Due, long Number) FirstAtOrAfter(DateTimeOffset instant, DateTimeZone zone)
    {
        var due = _start!.At(zone);
        if (due >= instant)
        {
            return (due, 1);
        }

        if (!HasCalendarPart(Interval))
        {
            // Hours, minutes and seconds always last as long, so the skipped occurrences are counted by a division:
            // walking them one by one from a start years ago every second would take billions of steps.
            var length = ElapsedPart(Interval).BclCompatibleTicks;
            var steps = ((instant - due).Ticks + length - 1) / length;
            return steps > (DateTimeOffset.MaxValue - due).Ticks / length
                ? (DateTimeOffset.MaxValue, steps + 1)
                : (due.AddTicks(steps * length), steps + 1);
        }

        // Calendar periods differ in length and are walked: one day at least, so even a start in the year 1 is less
        // than a million steps, and a bounded series stops after its last occurrence.
        long number = 1;
        while (due < instant && !(number > Repetitions))
        {
            due = AddPeriod(due, Interval, zone) ?? DateTimeOffset.MaxValue;
            number++;
        }

        return (due, number);
    }
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
