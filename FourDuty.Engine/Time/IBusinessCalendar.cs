using NodaTime;

namespace FourDuty.Engine.Time;

/// <summary>
/// Which days are working days, for deadlines counted in working days. The engine takes one at start; the
/// default, <see cref="BusinessCalendar"/>, reads public holidays and make-up working days from a data file.
/// </summary>
/// <remarks>
/// Dates are civil dates in the calendar's time zone. An implementation answers only for the years it has data
/// for, and throws <see cref="BusinessCalendarException"/> for any other: a guess would move deadlines silently.
/// </remarks>
public interface IBusinessCalendar
{
    /// <summary>The time zone in which instants are turned into dates (Asia/Shanghai for China).</summary>
    DateTimeZone Zone { get; }

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    /// <exception cref="BusinessCalendarException">The calendar has no data for the date's year.</exception>
    bool IsWorkingDay(LocalDate date);

    /// <summary>
    /// The instant <paramref name="workingDays"/> working days after <paramref name="start"/> (before it, when
    /// negative), at the same time of day in <see cref="Zone"/>.
    /// </summary>
    /// <exception cref="BusinessCalendarException">The count runs into a year the calendar has no data for.</exception>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays);

    /// <summary>
    /// How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier.
    /// </summary>
    /// <exception cref="BusinessCalendarException">A counted day falls in a year the calendar has no data for.</exception>
    int CountWorkingDays(LocalDate from, LocalDate to);
}
