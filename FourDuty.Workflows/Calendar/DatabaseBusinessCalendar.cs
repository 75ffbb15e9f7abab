using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Workflows.Calendar;

/// <summary>
/// The engine's business calendar, served from the database: the calendar file is the first default (read at start, so
/// deadlines work from the first step), then the database's years, read again whenever they change (the office edits
/// holidays there; every node notices within <see cref="CalendarStore.RefreshInterval"/>). Answers from memory, so a
/// step never waits on the database for a working day.
/// </summary>
public sealed class DatabaseBusinessCalendar(BusinessCalendar initial) : IBusinessCalendar
{
    private volatile BusinessCalendar _current = initial;

    /// <summary>The calendar answered from now.</summary>
    public BusinessCalendar Current => _current;

    /// <inheritdoc />
    public DateTimeZone Zone => _current.Zone;

    /// <inheritdoc />
    public bool IsWorkingDay(LocalDate date) => _current.IsWorkingDay(date);

    /// <inheritdoc />
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays) => _current.AddWorkingDays(start, workingDays);

    /// <inheritdoc />
    public int CountWorkingDays(LocalDate from, LocalDate to) => _current.CountWorkingDays(from, to);

    internal void Replace(BusinessCalendar calendar) => _current = calendar;
}
