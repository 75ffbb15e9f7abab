namespace FourDuty.Workflows.Organization;

/// <summary>
/// What a person may do in the service (as opposed to their position in the organisation, <see cref="Person.Roles"/>).
/// A person may hold several. The organisation file may list them per person (<c>access</c>); otherwise they follow
/// from the positions (<see cref="DefaultsFor"/>). An administrator can change them later.
/// </summary>
public static class AccessRole
{
    /// <summary>Accounts, settings, the background-job dashboard, the outbox, the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>Edits, validates, test-runs and deploys processes (the committee office).</summary>
    public const string Designer = "designer";

    /// <summary>Starts processes, sees every instance and task, reassigns tasks, retries incidents (the committee office).</summary>
    public const string Office = "office";

    /// <summary>The discipline secretary: sees everything, comments, urges and verifies; changes no other subject's records.</summary>
    public const string Discipline = "discipline";

    /// <summary>Does their own tasks and those delegated to them; sees their own dossier.</summary>
    public const string Leader = "leader";

    /// <summary>Every access role, in the order pages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Designer, Office, Discipline, Leader];

    /// <summary>The access a position gives when the organisation file does not say.</summary>
    /// <param name="positions">The person's <see cref="Person.Roles"/>, e.g. <c>CommitteeOffice</c>.</param>
    public static IReadOnlyList<string> DefaultsFor(IEnumerable<string> positions) =>
        positions.SelectMany(position => position switch
        {
            "CommitteeOffice" => [Office, Designer],
            "DisciplineSecretary" => [Discipline, Leader],
            "PartySecretary" or "President" or "LeadershipMember" or "BranchSecretary" => [Leader],
            _ => Array.Empty<string>(),
        }).Distinct(StringComparer.Ordinal).ToList();
}
