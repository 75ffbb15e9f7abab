using System.Text.Json;

namespace FourDuty.Workflows.Organization;

/// <summary>The organisation's people, from <c>seeds/organization.json</c>: who they are, their roles and groups.</summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> _people;

    /// <summary>Creates a directory of the given people.</summary>
    public PeopleDirectory(string unit, IEnumerable<Person> people)
    {
        Unit = unit;
        _people = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The unit's name (the college).</summary>
    public string Unit { get; }

    /// <summary>Everyone.</summary>
    public IEnumerable<Person> People => _people.Values;

    /// <summary>The person with the id, or null.</summary>
    public Person? Find(string id) => _people.GetValueOrDefault(id);

    /// <summary>The people with a role, e.g. <c>DisciplineSecretary</c>.</summary>
    public IEnumerable<Person> WithRole(string role) => _people.Values.Where(p => p.Roles.Contains(role, StringComparer.Ordinal));

    /// <summary>The members of a candidate group.</summary>
    public IEnumerable<Person> InGroup(string group) => _people.Values.Where(p => p.Groups.Contains(group, StringComparer.Ordinal));

    /// <summary>Reads <c>organization.json</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid organisation; the message names the file and what is wrong.</exception>
    public static PeopleDirectory Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<OrganizationFile>(stream, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException($"{path} is empty.");
            var people = (file.People ?? []).Select((p, i) => new Person(
                p.Id ?? throw new InvalidDataException($"{path}: people[{i}] has no id."),
                p.Name ?? p.Id,
                p.Title,
                string.IsNullOrWhiteSpace(p.Email) ? null : p.Email,
                p.Roles ?? [],
                p.Groups ?? [],
                p.Portfolio ?? [],
                Access(path, i, p))).ToList();
            var duplicate = people.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
            return duplicate is null
                ? new PeopleDirectory(file.Unit ?? "", people)
                : throw new InvalidDataException($"{path}: the person id '{duplicate.Key}' appears {duplicate.Count()} times.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} line {exception.LineNumber + 1} ({exception.Path}): {exception.Message}", exception);
        }
    }

    private static IReadOnlyList<string> Access(string path, int index, PersonEntry entry)
    {
        if (entry.Access is null)
        {
            return AccessRole.DefaultsFor(entry.Roles ?? []);
        }

        var unknown = entry.Access.FirstOrDefault(role => !AccessRole.All.Contains(role, StringComparer.Ordinal));
        return unknown is null
            ? entry.Access.Distinct(StringComparer.Ordinal).ToList()
            : throw new InvalidDataException(
                $"{path}: people[{index}].access has '{unknown}'; the access roles are {string.Join(", ", AccessRole.All)}.");
    }

    private sealed record OrganizationFile(string? Unit, List<PersonEntry>? People);

    private sealed record PersonEntry(string? Id, string? Name, string? Title, string? Email, List<string>? Roles, List<string>? Groups, List<string>? Portfolio,
        List<string>? Access);
}
