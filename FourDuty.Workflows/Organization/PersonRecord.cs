namespace FourDuty.Workflows.Organization;

/// <summary>A person as stored (see <see cref="Person"/> for what the rest of the service reads).</summary>
public sealed class PersonRecord
{
    /// <summary>Stable id used in models and task links.</summary>
    public string Id { get; set; } = "";

    /// <summary>姓名.</summary>
    public string Name { get; set; } = "";

    /// <summary>职务.</summary>
    public string? Title { get; set; }

    /// <summary>Where mails go; null for none.</summary>
    public string? Email { get; set; }

    /// <summary>The language of their mails (zh-CN, en); null for the service's default.</summary>
    public string? Culture { get; set; }

    /// <summary>Positions such as <c>DisciplineSecretary</c>.</summary>
    public List<string> Positions { get; set; } = [];

    /// <summary>Candidate groups.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Portfolio areas (分管领域).</summary>
    public List<string> Portfolio { get; set; } = [];

    /// <summary>Access roles (<see cref="AccessRole"/>).</summary>
    public List<string> Access { get; set; } = [];

    /// <summary>The order the organisation file lists them in.</summary>
    public int Order { get; set; }

    /// <summary>False once the organisation file no longer lists them; their records stay, and keep their name.</summary>
    public bool Active { get; set; } = true;

    /// <summary>The view the rest of the service reads.</summary>
    public Person ToPerson() => new(Id, Name, Title, Email, Positions, Groups, Portfolio, Access, Culture);
}
