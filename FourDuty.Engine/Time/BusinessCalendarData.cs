using NodaTime;

namespace FourDuty.Engine.Time;

/// <summary>
/// What a business calendar is made of, year by year, as the State Council's notices give it: the content of a
/// calendar data file (<see cref="BusinessCalendar.Parse"/>), or of wherever an application keeps it (a database
/// the office edits), turned into a calendar by <see cref="BusinessCalendar.Create"/>.
/// </summary>
/// <param name="Years">One entry per year.</param>
public sealed record BusinessCalendarData(IReadOnlyList<CalendarYearData> Years);

/// <summary>One year of a business calendar.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Status">Official (the notice is out and copied) or unconfirmed.</param>
/// <param name="Source">Where the dates come from: the notice's title and date.</param>
/// <param name="Note">Free text, e.g. what an unconfirmed year still lacks.</param>
/// <param name="Holidays">Days off, as ranges; weekend days inside a range are listed too.</param>
/// <param name="MakeUpWorkingDays">Saturdays and Sundays that are worked (调休上班日).</param>
public sealed record CalendarYearData(
    int Year,
    CalendarYearStatus Status,
    string Source,
    string? Note,
    IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyList<CalendarMakeUpDay> MakeUpWorkingDays);

/// <summary>Whether a year's dates come from the published notice.</summary>
public enum CalendarYearStatus
{
    /// <summary>Copied from the State Council General Office's notice for the year.</summary>
    Official,

    /// <summary>Entered before the notice was out: used, and warned about.</summary>
    Unconfirmed,
}

/// <summary>A run of days off.</summary>
/// <param name="Name">E.g. 春节 Spring Festival.</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off (the same as <paramref name="From"/> for a single day).</param>
public sealed record CalendarHoliday(string Name, LocalDate From, LocalDate To);

/// <summary>A Saturday or Sunday that is worked.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">E.g. 春节调休 (Saturday).</param>
public sealed record CalendarMakeUpDay(LocalDate Date, string? Name);
