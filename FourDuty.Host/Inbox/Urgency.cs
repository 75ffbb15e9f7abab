using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Host.Inbox;

/// <summary>How pressing an open task is (预警 红/黄/绿), counted in working days as the policy's deadlines are.</summary>
internal enum UrgencyLevel
{
    /// <summary>No deadline.</summary>
    None,

    /// <summary>More than <see cref="Urgency.YellowWithinWorkingDays"/> working days left.</summary>
    Green,

    /// <summary>Due within <see cref="Urgency.YellowWithinWorkingDays"/> working days, today included.</summary>
    Yellow,

    /// <summary>The deadline has passed.</summary>
    Red,
}

/// <summary>A task's urgency and the working days left until its deadline.</summary>
/// <param name="Level">Red, yellow, green, or none without a deadline.</param>
/// <param name="WorkingDaysLeft">Working days after today up to the deadline's day (0: due today; negative: overdue by that many); null when unknown.</param>
internal sealed record Urgency(UrgencyLevel Level, int? WorkingDaysLeft)
{
    /// <summary>
    /// A task turns yellow this many working days before its deadline: the seeded models remind their owner three working
    /// days before (DESIGN §2, green → yellow), so the inbox shows the same colour as the mail.
    /// </summary>
    public const int YellowWithinWorkingDays = 3;

    /// <summary>The urgency of a deadline at <paramref name="now"/>; a deadline in a year the calendar does not know counts calendar days.</summary>
    public static Urgency Of(DateTimeOffset? dueAt, DateTimeOffset now, IBusinessCalendar calendar)
    {
        if (dueAt is not { } due)
        {
            return new Urgency(UrgencyLevel.None, null);
        }

        var today = Instant.FromDateTimeOffset(now).InZone(calendar.Zone).Date;
        var dueDay = Instant.FromDateTimeOffset(due).InZone(calendar.Zone).Date;
        int left;
        try
        {
            left = calendar.CountWorkingDays(today, dueDay);
        }
        catch (BusinessCalendarException)
        {
            // A year not yet entered (the calendar page warns about it): calendar days are the honest estimate.
            left = Period.Between(today, dueDay, PeriodUnits.Days).Days;
        }

        var level = due <= now ? UrgencyLevel.Red : left <= YellowWithinWorkingDays ? UrgencyLevel.Yellow : UrgencyLevel.Green;
        return new Urgency(level, left);
    }
}
