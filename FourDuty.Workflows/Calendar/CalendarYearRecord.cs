using FourDuty.Engine.Time;

namespace FourDuty.Workflows.Calendar;

/// <summary>One year of the working-day calendar as the database keeps it (seeded from the calendar file; the office edits it later).</summary>
public sealed class CalendarYearRecord
{
    /// <summary>The calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Official or unconfirmed.</summary>
    public CalendarYearStatus Status { get; set; }

    /// <summary>Where the dates come from.</summary>
    public string Source { get; set; } = "";

    /// <summary>Free text.</summary>
    public string? Note { get; set; }

    /// <summary>Changes with every edit of the year, so that every node sees that it must read the calendar again.</summary>
    public Guid Stamp { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who changed it last (a person id, or <c>seed</c>).</summary>
    public string? UpdatedBy { get; set; }
}

/// <summary>A run of days off, or a make-up working day, of one year.</summary>
public sealed class CalendarEntryRecord
{
    /// <summary>The entry's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The year it belongs to (its dates may reach into the next or previous one).</summary>
    public int Year { get; set; }

    /// <summary>Days off, or a worked weekend day.</summary>
    public bool WorkingDay { get; set; }

    /// <summary>E.g. 春节 Spring Festival.</summary>
    public string? Name { get; set; }

    /// <summary>The first day.</summary>
    public DateOnly From { get; set; }

    /// <summary>The last day (the same as <see cref="From"/> for a make-up working day).</summary>
    public DateOnly To { get; set; }

    /// <summary>Its place in the year's list.</summary>
    public int Order { get; set; }
}
