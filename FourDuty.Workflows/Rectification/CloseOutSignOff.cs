using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Rectification;

/// <summary>
/// One of the two sign-offs a close-out (销号) needs: the first-responsible person's and the discipline secretary's.
/// A finding is closed only when both are present.
/// </summary>
public sealed class CloseOutSignOff : DutyRecord
{
    /// <summary>The finding.</summary>
    public Guid FindingId { get; set; }

    /// <summary>In which capacity it was signed.</summary>
    public SignOffRole Role { get; set; }

    /// <summary>Who signed.</summary>
    public string PersonId { get; set; } = "";
}

/// <summary>The two capacities a close-out is signed in.</summary>
public enum SignOffRole
{
    /// <summary>第一责任人.</summary>
    FirstResponsible,

    /// <summary>纪委书记.</summary>
    DisciplineSecretary,
}
