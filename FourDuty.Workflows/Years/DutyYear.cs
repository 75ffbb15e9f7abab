using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Years;

/// <summary>A duty year (年度): the period a project list, its claims and the three lists of every subject run in.</summary>
public sealed class DutyYear : DutyRecord
{
    /// <summary>The calendar year, e.g. 2026.</summary>
    public int Year { get; set; }

    /// <summary>The first day items may be due on.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day items may be due on (31 December).</summary>
    public DateOnly EndsOn { get; set; }
}
