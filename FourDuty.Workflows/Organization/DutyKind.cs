namespace FourDuty.Workflows.Organization;

/// <summary>The four responsibilities of the mechanism (Art. 2), one per kind of subject (责任主体).</summary>
public enum DutyKind
{
    /// <summary>主体责任: the Party committee and its branches.</summary>
    Committee,

    /// <summary>第一责任人责任: the Party secretary and the president.</summary>
    FirstResponsible,

    /// <summary>监督责任: the discipline secretary.</summary>
    Supervisor,

    /// <summary>一岗双责: every other leadership member, with a portfolio.</summary>
    DualDuty,
}
