using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lapses;

/// <summary>
/// What another subject did to pick up a missed duty (跟进纠偏, Art. 26), or how a talk's commitment was followed up:
/// the follow-up must record what was done.
/// </summary>
public sealed class FollowUp : DutyRecord
{
    /// <summary>The lapse followed up, if it is one.</summary>
    public Guid? LapseId { get; set; }

    /// <summary>The talk commitment followed up, if it is one.</summary>
    public Guid? CommitmentId { get; set; }

    /// <summary>Who followed up (a person id), if known.</summary>
    public string? PersonId { get; set; }

    /// <summary>What was done.</summary>
    public string Actions { get; set; } = "";

    /// <summary>Where it stands now.</summary>
    public string? Outcome { get; set; }
}
