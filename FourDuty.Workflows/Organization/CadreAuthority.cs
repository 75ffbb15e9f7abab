namespace FourDuty.Workflows.Organization;

/// <summary>
/// Cadre-management authority (干部管理权限) over one person: who holds a reminder talk with them, who assists, and
/// whether the talk is reported upward (Art. 17, 27).
/// </summary>
public sealed class CadreAuthority
{
    /// <summary>The person talked with.</summary>
    public string PersonId { get; set; } = "";

    /// <summary>Who holds the talk (the Party secretary for leadership members).</summary>
    public string HolderId { get; set; } = "";

    /// <summary>Who assists (the discipline secretary), if anyone.</summary>
    public string? AssistantId { get; set; }

    /// <summary>True when a talk with this person is reported to the upper body (principal leaders, serious matters).</summary>
    public bool ReportUpward { get; set; }
}
