namespace FourDuty.Workflows.Organization;

/// <summary>
/// A responsibility subject (责任主体): the committee, a branch, or a leader carrying one of the four duties. Lists,
/// findings, lapses and talks belong to a subject; the people around it (owner, supervising leader, first-responsible
/// person) are whom tasks and notices go to.
/// </summary>
public sealed class Subject
{
    /// <summary>Stable id, e.g. <c>committee</c>, <c>branch-staff-1</c>, <c>chen.deputy</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>As pages show it, e.g. 陈刚（一岗双责）.</summary>
    public string Name { get; set; } = "";

    /// <summary>Which of the four duties.</summary>
    public DutyKind Kind { get; set; }

    /// <summary>The person who answers for the subject and receives its tasks.</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>The leader who follows up first when the subject misses a deadline (分管/联系领导); null for none.</summary>
    public string? SupervisingLeaderId { get; set; }

    /// <summary>The unit's first-responsible person for this subject (the Party secretary, or the president for the Party secretary's own duty).</summary>
    public string FirstResponsibleId { get; set; } = "";

    /// <summary>The organisational unit (committee, branch), if any.</summary>
    public string? UnitId { get; set; }

    /// <summary>The order the organisation file lists it in (pages keep it; nothing ranks subjects).</summary>
    public int Order { get; set; }

    /// <summary>False once the organisation file no longer lists it; its records stay.</summary>
    public bool Active { get; set; } = true;
}
