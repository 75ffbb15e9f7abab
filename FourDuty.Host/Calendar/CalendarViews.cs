using System.Globalization;
using FourDuty.Engine.Time;
using NodaTime;
using NodaTime.Text;

namespace FourDuty.Host.Calendar;

/// <summary>A public holiday period (放假) as the calendar page edits it; dates are <c>yyyy-MM-dd</c>.</summary>
public sealed record HolidayView(string Name, string From, string To);

/// <summary>A make-up working day (调休上班) on a weekend.</summary>
public sealed record MakeUpDayView(string Date, string? Name);

/// <summary>One year of the working-day calendar: <c>official</c> once the State Council's notice is entered, else <c>unconfirmed</c>.</summary>
public sealed record CalendarYearView(int Year, string Status, string Source, string? Note, IReadOnlyList<HolidayView> Holidays,
    IReadOnlyList<MakeUpDayView> MakeUpWorkingDays);

/// <summary>An open task whose deadline falls on a day off under the calendar as it is now.</summary>
public sealed record DeadlineOnDayOff(Guid TaskId, string Name, string? Assignee, DateTimeOffset DueAt, string Day, Guid InstanceId);

internal static class CalendarViews
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public static CalendarYearView From(CalendarYearData year) => new(year.Year, year.Status == CalendarYearStatus.Official ? "official" : "unconfirmed",
        year.Source, year.Note,
        year.Holidays.Select(h => new HolidayView(h.Name, Iso.Format(h.From), Iso.Format(h.To))).ToList(),
        year.MakeUpWorkingDays.Select(d => new MakeUpDayView(Iso.Format(d.Date), d.Name)).ToList());

    /// <summary>The view as the engine's data; a date that is not <c>yyyy-MM-dd</c> is refused with the field named.</summary>
    /// <exception cref="InvalidDataException">A date cannot be read; the message names the field.</exception>
    public static CalendarYearData ToData(int year, CalendarYearView view) => new(year,
        string.Equals(view.Status, "official", StringComparison.OrdinalIgnoreCase) ? CalendarYearStatus.Official : CalendarYearStatus.Unconfirmed,
        string.IsNullOrWhiteSpace(view.Source) ? "entered on the calendar page" : view.Source.Trim(), string.IsNullOrWhiteSpace(view.Note) ? null : view.Note.Trim(),
        (view.Holidays ?? []).Select((h, i) => new CalendarHoliday(h.Name?.Trim() ?? "", Date(h.From, $"holidays[{i}].from"), Date(h.To, $"holidays[{i}].to"))).ToList(),
        (view.MakeUpWorkingDays ?? []).Select((d, i) => new CalendarMakeUpDay(Date(d.Date, $"makeUpWorkingDays[{i}].date"), d.Name?.Trim())).ToList());

    private static LocalDate Date(string? text, string field) =>
        Iso.Parse(text ?? "") is { Success: true } result
            ? result.Value
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{field}: '{text}' 不是日期 / is not a date; write it as yyyy-MM-dd (2027-02-06)."));
}
