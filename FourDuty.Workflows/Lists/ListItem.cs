using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// An item of one of a subject's three lists for a year (Art. 10): the duty list (责任清单), the risk (problem) list
/// (风险（问题）清单) and the measure list (措施清单). Written once where the subject submits its lists, and read again
/// wherever it is needed (self-assessment, rectification, reports): never typed twice.
/// </summary>
public abstract class ListItem : DutyRecord
{
    /// <summary>Whose list it is on.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The duty year.</summary>
    public int Year { get; set; }

    /// <summary>What the item is.</summary>
    public string Title { get; set; } = "";

    /// <summary>Detail.</summary>
    public string? Detail { get; set; }

    /// <summary>Who carries it out (a person id).</summary>
    public string? OwnerId { get; set; }

    /// <summary>The portfolio area it falls in.</summary>
    public string? Area { get; set; }

    /// <summary>The date it is due by, inside the year.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Where it stands.</summary>
    public ItemState State { get; set; }

    /// <summary>The project item it was claimed from, if any.</summary>
    public Guid? ProjectItemId { get; set; }

    /// <summary>The finding it was added or changed for in a rectification (Art. 25), if any.</summary>
    public Guid? FindingId { get; set; }

    /// <summary>Its place in the list.</summary>
    public int Order { get; set; }

    /// <summary>Which of the three lists.</summary>
    public abstract ListKind Kind { get; }
}

/// <summary>An item of the duty list (责任清单).</summary>
public sealed class DutyItem : ListItem
{
    /// <inheritdoc />
    public override ListKind Kind => ListKind.Duty;
}

/// <summary>An item of the risk (problem) list (风险（问题）清单).</summary>
public sealed class RiskItem : ListItem
{
    /// <summary>How serious: 高, 中, 低 (or as the committee words it).</summary>
    public string? Level { get; set; }

    /// <inheritdoc />
    public override ListKind Kind => ListKind.Risk;
}

/// <summary>An item of the measure list (措施清单).</summary>
public sealed class MeasureItem : ListItem
{
    /// <summary>The risk it answers, if any.</summary>
    public Guid? RiskItemId { get; set; }

    /// <inheritdoc />
    public override ListKind Kind => ListKind.Measure;
}

/// <summary>The three lists.</summary>
public enum ListKind
{
    /// <summary>责任清单.</summary>
    Duty,

    /// <summary>风险（问题）清单.</summary>
    Risk,

    /// <summary>措施清单.</summary>
    Measure,
}

/// <summary>Where a list item stands. (Green, yellow and red follow from the due date, not from here.)</summary>
public enum ItemState
{
    /// <summary>Not started.</summary>
    Planned,

    /// <summary>Under way.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Done,
}
