using FourDuty.Workflows.Seeds;

namespace FourDuty.Workflows.Organization;

/// <summary>
/// The organisation as the service sees it now: read from the database at start (after the organisation file is
/// seeded into it) and read again after a change, so that steps, which may not do I/O, resolve people from memory.
/// </summary>
public sealed class PeopleDirectory
{
    private volatile OrgChart _current;

    /// <summary>Creates a directory of the given people (tests, tools).</summary>
    public PeopleDirectory(string unit, IEnumerable<Person> people) => _current = new OrgChart(unit, people);

    /// <summary>Creates a directory of an organisation.</summary>
    public PeopleDirectory(OrgChart organization) => _current = organization;

    /// <summary>The organisation as it is now.</summary>
    public OrgChart Current => _current;

    /// <summary>The unit's name (the college).</summary>
    public string Unit => _current.Unit;

    /// <summary>Everyone.</summary>
    public IEnumerable<Person> People => _current.People;

    /// <summary>The person with the id, or null.</summary>
    public Person? Find(string id) => _current.Find(id);

    /// <summary>The people with a position, e.g. <c>DisciplineSecretary</c>.</summary>
    public IEnumerable<Person> WithRole(string role) => _current.People.Where(p => p.Roles.Contains(role, StringComparer.Ordinal));

    /// <summary>The members of a candidate group.</summary>
    public IEnumerable<Person> InGroup(string group) => _current.People.Where(p => p.Groups.Contains(group, StringComparer.Ordinal));

    /// <summary>Reads an organisation file into a directory, without a database.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid organisation; the message names the file, the line and what is wrong.</exception>
    public static PeopleDirectory Load(string path) => new(OrganizationSeed.Read(path).ToOrganization());

    /// <summary>Replaces the organisation (after the database changed).</summary>
    internal void Replace(OrgChart organization) => _current = organization;
}
