using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lists;

/// <summary>A subject's claim (认领) on a project item: the subject takes the item into its own lists.</summary>
public sealed class Claim : DutyRecord
{
    /// <summary>The project item.</summary>
    public Guid ProjectItemId { get; set; }

    /// <summary>The subject claiming it.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The duty year.</summary>
    public int Year { get; set; }
}
