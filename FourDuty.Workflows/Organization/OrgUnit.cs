namespace FourDuty.Workflows.Organization;

/// <summary>A body of the organisation: the Party committee, a branch, the committee office, or the upper body reported to.</summary>
public sealed class OrgUnit
{
    /// <summary>Stable id, e.g. <c>committee</c>, <c>branch-staff-1</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>E.g. 中共示范学院委员会, 教工第一党支部.</summary>
    public string Name { get; set; } = "";

    /// <summary>What kind of body.</summary>
    public UnitKind Kind { get; set; }

    /// <summary>Who heads it (the secretary of a branch; the upper body's contact), if anyone.</summary>
    public string? HeadId { get; set; }

    /// <summary>The order the organisation file lists it in.</summary>
    public int Order { get; set; }

    /// <summary>False once the organisation file no longer lists it.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>The kinds of <see cref="OrgUnit"/>.</summary>
public enum UnitKind
{
    /// <summary>The college itself (its name is the organisation file's <c>unit</c>).</summary>
    College,

    /// <summary>党委.</summary>
    PartyCommittee,

    /// <summary>党支部.</summary>
    Branch,

    /// <summary>党委办公室.</summary>
    CommitteeOffice,

    /// <summary>The body talks with principal leaders are reported to (区委教育工委).</summary>
    UpperBody,
}
