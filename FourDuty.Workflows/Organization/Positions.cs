namespace FourDuty.Workflows.Organization;

/// <summary>The positions a person may hold (<see cref="Person.Roles"/>), as models name them (<c>role:DisciplineSecretary</c>).</summary>
public static class Positions
{
    /// <summary>党委书记.</summary>
    public const string PartySecretary = "PartySecretary";

    /// <summary>院长.</summary>
    public const string President = "President";

    /// <summary>纪委书记.</summary>
    public const string DisciplineSecretary = "DisciplineSecretary";

    /// <summary>班子成员 (other than the three above).</summary>
    public const string LeadershipMember = "LeadershipMember";

    /// <summary>党委办公室.</summary>
    public const string CommitteeOffice = "CommitteeOffice";

    /// <summary>党支部书记.</summary>
    public const string BranchSecretary = "BranchSecretary";

    /// <summary>The upper body's contact (区委教育工委联络人), who receives upward reports.</summary>
    public const string UpperBodyContact = "UpperBodyContact";

    /// <summary>Every position, in the order the README lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PartySecretary, President, DisciplineSecretary, LeadershipMember, CommitteeOffice, BranchSecretary, UpperBodyContact];
}
