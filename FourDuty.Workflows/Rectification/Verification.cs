using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>The discipline secretary's verdict on one round of a finding's rectification (Art. 14, 16).</summary>
public sealed class Verification : DutyRecord
{
    /// <summary>The finding.</summary>
    public Guid FindingId { get; set; }

    /// <summary>The round verified.</summary>
    public int Round { get; set; }

    /// <summary>Accepted or sent back.</summary>
    public Verdict Verdict { get; set; }

    /// <summary>Why it was sent back (required then).</summary>
    public string? Reason { get; set; }

    /// <summary>Who verified (a person id), if known.</summary>
    public string? By { get; set; }
}

/// <summary>A verification's outcome.</summary>
public enum Verdict
{
    /// <summary>通过.</summary>
    Accepted,

    /// <summary>退回.</summary>
    Rejected,
}
