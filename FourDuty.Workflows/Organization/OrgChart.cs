namespace FourDuty.Workflows.Organization;

/// <summary>
/// The organisation at one moment, read whole (from the database, or from the organisation file before it is seeded):
/// people, units, subjects, portfolio areas and cadre authority. Immutable: a change makes a new one.
/// </summary>
public sealed class OrgChart
{
    private readonly Dictionary<string, Person> _people;
    private readonly Dictionary<string, Subject> _subjects;
    private readonly Dictionary<string, CadreAuthority> _authority;

    /// <summary>Creates the snapshot.</summary>
    public OrgChart(string unit, IEnumerable<Person> people, IEnumerable<OrgUnit>? units = null, IEnumerable<Subject>? subjects = null,
        IEnumerable<PortfolioArea>? areas = null, IEnumerable<CadreAuthority>? authority = null)
    {
        Unit = unit;
        People = people.ToList();
        Units = (units ?? []).ToList();
        Subjects = (subjects ?? []).Where(s => s.Active).OrderBy(s => s.Order).ToList();
        Areas = (areas ?? []).ToList();
        _people = People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _subjects = Subjects.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _authority = (authority ?? []).ToDictionary(a => a.PersonId, StringComparer.Ordinal);
    }

    /// <summary>The unit's name (the college).</summary>
    public string Unit { get; }

    /// <summary>Everyone active, in the file's order.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>The committee, branches, the office and the upper body.</summary>
    public IReadOnlyList<OrgUnit> Units { get; }

    /// <summary>The responsibility subjects, in the file's order.</summary>
    public IReadOnlyList<Subject> Subjects { get; }

    /// <summary>The portfolio areas and their leaders.</summary>
    public IReadOnlyList<PortfolioArea> Areas { get; }

    /// <summary>The person with the id, or null.</summary>
    public Person? Find(string id) => _people.GetValueOrDefault(id);

    /// <summary>The subject with the id, or null.</summary>
    public Subject? FindSubject(string id) => _subjects.GetValueOrDefault(id);

    /// <summary>Cadre-management authority over a person, or null when none is recorded.</summary>
    public CadreAuthority? AuthorityOver(string personId) => _authority.GetValueOrDefault(personId);

    /// <summary>The body talks with principal leaders are reported to, if the file names one.</summary>
    public OrgUnit? UpperBody => Units.FirstOrDefault(u => u.Kind == UnitKind.UpperBody);

    /// <summary>The discipline secretary (the one holder of the position), or null.</summary>
    public Person? DisciplineSecretary => People.FirstOrDefault(p => p.Roles.Contains(Positions.DisciplineSecretary, StringComparer.Ordinal));
}
