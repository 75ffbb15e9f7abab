using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>
/// One round of rectification (整改) of a finding: the measures taken and the list items changed. A finding the
/// discipline secretary sends back gets another round; every round stays.
/// </summary>
public sealed class RectificationRound : DutyRecord
{
    /// <summary>The finding.</summary>
    public Guid FindingId { get; set; }

    /// <summary>1 for the first submission, 2 after one rejection, …</summary>
    public int Round { get; set; }

    /// <summary>The subject that rectified.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>What was done.</summary>
    public string Measures { get; set; } = "";

    /// <summary>The result, in the subject's words.</summary>
    public string? Outcome { get; set; }

    /// <summary>The risk and measure list items added or changed with it (Art. 25).</summary>
    public List<Guid> UpdatedItemIds { get; set; } = [];
}
