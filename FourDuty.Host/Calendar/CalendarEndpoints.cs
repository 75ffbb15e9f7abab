using System.Security.Claims;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Time;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Calendar;
using FourDuty.Workflows.Organization;
using NodaTime;

namespace FourDuty.Host.Calendar;

/// <summary>
/// The working-day calendar in the database, for the office: read it, replace a year (every November the State Council's
/// notice for the next year is entered), and see which open deadlines fall on a day off under the calendar as it is now.
/// </summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").RequireAuthorization(AccessPolicy.Office);
        calendar.MapGet("", ReadAsync)
            .WithSummary("Every year of the working-day calendar, the years in use (this and next) that are unconfirmed, and the open deadlines that fall on a day off");
        calendar.MapPut("/{year}", SaveAsync).Audited("calendar.save", call => call.Argument<CalendarYearView>() is { } year
                ? $"{year.Status}, {year.Holidays?.Count ?? 0} holidays, {year.MakeUpWorkingDays?.Count ?? 0} make-up days" : null)
            .WithSummary("Replaces one year (holidays, make-up working days, status); 422 naming the field when the calendar would break a rule; answers as GET does");
    }

    private static async Task<IResult> ReadAsync(CalendarStore store, ProcessEngine engine, IBusinessCalendar calendar, PeopleDirectory people,
        CancellationToken cancellationToken) =>
        Results.Ok(await StateAsync(store, engine, calendar, people, cancellationToken));

    // The year is read here rather than by a route constraint, so that a bad one is a 422 that says so (after the policy), not a bare 404.
    private static async Task<IResult> SaveAsync(string year, CalendarYearView body, ClaimsPrincipal user, CalendarStore store, ProcessEngine engine,
        IBusinessCalendar calendar, PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 2000 or > 2100)
        {
            return Refused($"year: '{year}' 不是 2000–2100 之间的年份 / is not a year between 2000 and 2100.");
        }

        try
        {
            await store.SaveAsync([CalendarViews.ToData(number, body)], Caller.Of(user).Id, cancellationToken);
        }
        catch (InvalidDataException error)
        {
            return Refused(error.Message);
        }

        return Results.Ok(await StateAsync(store, engine, calendar, people, cancellationToken));
    }

    private static async Task<object> StateAsync(CalendarStore store, ProcessEngine engine, IBusinessCalendar calendar, PeopleDirectory people,
        CancellationToken cancellationToken)
    {
        var data = await store.ReadAsync(cancellationToken);
        var now = engine.Clock.GetUtcNow();
        var thisYear = Instant.FromDateTimeOffset(now).InZone(calendar.Zone).Year;
        var unconfirmed = data.Years.Where(y => y.Status == CalendarYearStatus.Unconfirmed && y.Year >= thisYear && y.Year <= thisYear + 1)
            .Select(y => y.Year).ToList();
        var onDaysOff = new List<DeadlineOnDayOff>();
        // Deadlines still ahead (one missed already is a lapse, whatever the day): through the (status, due date) index,
        // never every open task.
        foreach (var task in await engine.Queries.ListTasksAsync(new TaskFilter(DueFrom: now), cancellationToken))
        {
            if (task.DueAt is not { } due)
            {
                continue;
            }

            var day = Instant.FromDateTimeOffset(due).InZone(calendar.Zone).Date;
            bool working;
            try
            {
                working = calendar.IsWorkingDay(day);
            }
            catch (BusinessCalendarException)
            {
                continue;
            }

            if (!working)
            {
                onDaysOff.Add(new DeadlineOnDayOff(task.Id, task.Name ?? task.ElementId, task.Assignee is { } a ? people.Find(a)?.Name ?? a : null, due,
                    NodaTime.Text.LocalDatePattern.Iso.Format(day), task.InstanceId));
            }
        }

        return new
        {
            today = NodaTime.Text.LocalDatePattern.Iso.Format(Instant.FromDateTimeOffset(now).InZone(calendar.Zone).Date),
            years = data.Years.Select(CalendarViews.From),
            unconfirmedInUse = unconfirmed,
            deadlinesOnDaysOff = onDaysOff.OrderBy(d => d.DueAt),
        };
    }

    private static IResult Refused(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "CALENDAR-INVALID",
            extensions: new Dictionary<string, object?> { ["code"] = "CALENDAR-INVALID" });
}
