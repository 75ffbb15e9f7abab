namespace FourDuty.Workflows.Oversight;

/// <summary>
/// The one rule that colours a subject green, yellow or red (预警 绿/黄/红) on the dashboard, written once here and in the
/// README: a list item or a finding still open after its date is <see cref="AlertLevel.Red"/>; one still open and due
/// within <see cref="DueSoonDays"/> days (today included) is <see cref="AlertLevel.Yellow"/>; everything else is
/// <see cref="AlertLevel.Green"/>. A subject takes the worst colour of its items and findings. Dates are read in the
/// service's time zone. Done items, and findings verified or closed, never colour anything.
/// </summary>
/// <remarks>
/// The threshold is the office's to set (<c>Oversight:DueSoonDays</c>); the models' own reminders (a notice some days before
/// a deadline) are set in BPMN, this only colours the view.
/// </remarks>
public sealed class AlertRule
{
    /// <summary>How many calendar days before its date an open item turns yellow (default 7).</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>The colour of one open or closed piece of work due on <paramref name="due"/>, seen on <paramref name="today"/>.</summary>
    public AlertLevel LevelOf(DateOnly? due, bool open, DateOnly today) =>
        !open || due is not { } date ? AlertLevel.Green
        : date < today ? AlertLevel.Red
        : date <= today.AddDays(Math.Max(0, DueSoonDays - 1)) ? AlertLevel.Yellow
        : AlertLevel.Green;
}

/// <summary>预警: the colour of a subject, an item or a finding. Ordered: a higher value is worse.</summary>
public enum AlertLevel
{
    /// <summary>绿: nothing open is due soon or late.</summary>
    Green,

    /// <summary>黄: something open is due within the threshold.</summary>
    Yellow,

    /// <summary>红: something open is past its date.</summary>
    Red,
}
