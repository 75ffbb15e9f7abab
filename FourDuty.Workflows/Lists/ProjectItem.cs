using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lists;

/// <summary>An item of the year's project list (项目清单), fixed at the special meeting (Art. 10) and claimed by subjects.</summary>
public sealed class ProjectItem : DutyRecord
{
    /// <summary>The duty year.</summary>
    public int Year { get; set; }

    /// <summary>Its number in the list, e.g. <c>2026-03</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>What is to be done.</summary>
    public string Title { get; set; } = "";

    /// <summary>More detail: goal, standard.</summary>
    public string? Description { get; set; }

    /// <summary>The portfolio area it falls in.</summary>
    public string? Area { get; set; }

    /// <summary>The date it is due by.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Open, or withdrawn when a later version of the list no longer has it (claims on it stay).</summary>
    public bool Withdrawn { get; set; }

    /// <summary>Its place in the list.</summary>
    public int Order { get; set; }
}
