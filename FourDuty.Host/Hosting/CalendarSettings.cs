using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Host.Hosting;

/// <summary>
/// <c>Engine:CalendarFile</c>: the business calendar (public holidays and make-up working days) for working-day
/// deadlines; default <c>seeds/calendar/cn-2026-2027.json</c> next to the program. Years marked unconfirmed in the
/// file are logged as a warning at start, because deadlines in them may move once the official notice is entered.
/// </summary>
internal static class CalendarSettings
{
    public const string DefaultFile = "seeds/calendar/cn-2026-2027.json";

    public static IBusinessCalendar Load(IConfiguration configuration, string timeZone, ILogger logger)
    {
        var file = configuration["Engine:CalendarFile"] ?? DefaultFile;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        var calendar = BusinessCalendar.Load(path, DateTimeZoneProviders.Tzdb[timeZone]);
        foreach (var year in calendar.UnconfirmedYears)
        {
            logger.LogWarning("The business calendar {File} marks {Year} as unconfirmed: working-day deadlines in {Year} may be wrong until the official holiday notice is entered.", file, year, year);
        }

        return calendar;
    }
}
