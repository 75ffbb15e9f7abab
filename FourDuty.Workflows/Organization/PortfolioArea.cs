namespace FourDuty.Workflows.Organization;

/// <summary>A portfolio area (分管领域) and the leadership member in charge of it (Art. 9): items and findings in the area route to that member.</summary>
public sealed class PortfolioArea
{
    /// <summary>The area's name, e.g. 教学科研; also its id.</summary>
    public string Name { get; set; } = "";

    /// <summary>The leadership member in charge.</summary>
    public string LeaderId { get; set; } = "";
}
