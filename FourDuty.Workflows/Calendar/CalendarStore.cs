using FourDuty.Engine.Runtime;
using FourDuty.Engine.Time;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FourDuty.Workflows.Calendar;

/// <summary>
/// The working-day calendar in the database: reads it whole, replaces years (checked as a calendar file is checked, so a
/// wrong edit is refused with the field named), and reloads <see cref="DatabaseBusinessCalendar"/> when a year's stamp changed.
/// </summary>
public sealed class CalendarStore
{
    /// <summary>How often every node looks whether another changed the calendar.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private const string Source = "the calendar in the database";
    private readonly IDbContextFactory<DutyDbContext> _contexts;
    private readonly DatabaseBusinessCalendar _calendar;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;
    private readonly ILogger<CalendarStore> _logger;
    private string _fingerprint = "";

    internal CalendarStore(IDbContextFactory<DutyDbContext> contexts, DatabaseBusinessCalendar calendar, EngineOptions options, TimeProvider clock,
        ILogger<CalendarStore> logger)
    {
        _contexts = contexts;
        _calendar = calendar;
        _zone = DateTimeZoneProviders.Tzdb[options.TimeZone];
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Every year the database holds, in order.</summary>
    public async Task<BusinessCalendarData> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    /// <summary>
    /// Replaces the years of <paramref name="years"/> (the others stay), if the calendar they make is valid, and serves it
    /// at once on this node.
    /// </summary>
    /// <param name="years">The years to store, whole.</param>
    /// <param name="by">Who changed it: a person id, or <c>seed</c>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="InvalidDataException">The calendar would break a rule; the message names the field.</exception>
    public async Task SaveAsync(IReadOnlyList<CalendarYearData> years, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await ReadAsync(db, cancellationToken);
        var merged = new BusinessCalendarData(current.Years.Where(y => years.All(n => n.Year != y.Year)).Concat(years).OrderBy(y => y.Year).ToList());
        BusinessCalendar.Create(merged, _zone, Source);
        var now = _clock.GetUtcNow();
        var numbers = years.Select(y => y.Year).ToList();
        db.CalendarEntries.RemoveRange(await db.CalendarEntries.Where(e => numbers.Contains(e.Year)).ToListAsync(cancellationToken));
        var stored = await db.CalendarYears.Where(y => numbers.Contains(y.Year)).ToDictionaryAsync(y => y.Year, cancellationToken);
        foreach (var year in years)
        {
            if (!stored.TryGetValue(year.Year, out var row))
            {
                row = new CalendarYearRecord { Year = year.Year };
                db.CalendarYears.Add(row);
            }

            row.Status = year.Status;
            row.Source = year.Source;
            row.Note = year.Note;
            row.Stamp = Guid.NewGuid();
            row.UpdatedAt = now;
            row.UpdatedBy = by;
            db.CalendarEntries.AddRange(year.Holidays.Select((h, i) => new CalendarEntryRecord
            {
                Id = Guid.NewGuid(), Year = year.Year, Name = h.Name, From = Date(h.From), To = Date(h.To), Order = i,
            }));
            db.CalendarEntries.AddRange(year.MakeUpWorkingDays.Select((w, i) => new CalendarEntryRecord
            {
                Id = Guid.NewGuid(), Year = year.Year, WorkingDay = true, Name = w.Name, From = Date(w.Date), To = Date(w.Date), Order = i,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ReloadIfChangedAsync(cancellationToken);
    }

    /// <summary>Serves the database's calendar when it changed since the last look; false when nothing changed (or the database holds no year yet).</summary>
    /// <exception cref="InvalidDataException">The stored calendar breaks a rule (edited outside the service).</exception>
    public async Task<bool> ReloadIfChangedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var stamps = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => new { y.Year, y.Stamp }).ToListAsync(cancellationToken);
        var fingerprint = string.Join(';', stamps.Select(s => $"{s.Year}:{s.Stamp}"));
        if (stamps.Count == 0 || fingerprint == _fingerprint)
        {
            return false;
        }

        var calendar = BusinessCalendar.Create(await ReadAsync(db, cancellationToken), _zone, Source);
        _calendar.Replace(calendar);
        _fingerprint = fingerprint;
        foreach (var year in calendar.UnconfirmedYears)
        {
            _logger.LogWarning("The business calendar marks {Year} as unconfirmed: working-day deadlines in {Year} may be wrong until the official holiday notice is entered.",
                year, year);
        }

        _logger.LogInformation("Business calendar read from the database: {Years}", string.Join(", ", calendar.Years));
        return true;
    }

    private static async Task<BusinessCalendarData> ReadAsync(DutyDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var entries = await db.CalendarEntries.AsNoTracking().OrderBy(e => e.Year).ThenBy(e => e.Order).ToListAsync(cancellationToken);
        return new BusinessCalendarData(years.Select(y => new CalendarYearData(y.Year, y.Status, y.Source, y.Note,
            entries.Where(e => e.Year == y.Year && !e.WorkingDay).Select(e => new CalendarHoliday(e.Name ?? "", Local(e.From), Local(e.To))).ToList(),
            entries.Where(e => e.Year == y.Year && e.WorkingDay).Select(e => new CalendarMakeUpDay(Local(e.From), e.Name)).ToList())).ToList());
    }

    private static DateOnly Date(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static LocalDate Local(DateOnly date) => new(date.Year, date.Month, date.Day);
}
