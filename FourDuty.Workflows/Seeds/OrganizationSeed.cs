using System.Text.Json;
using System.Text.Json.Serialization;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Seeds;

/// <summary>
/// Reads <c>seeds/organization.json</c> (format: <c>seeds/README.md</c>) and checks it whole: every person a subject,
/// unit or authority names must be in <c>people</c>, every position, access role and kind must be one the service
/// knows, a portfolio area has one leader. A mistake stops the start with the file, the line, the field and the reason.
/// </summary>
internal static class OrganizationSeed
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON, or breaks a rule; the message names the file, the line and the field.</exception>
    public static OrganizationSeedData Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException exception)
        {
            throw new InvalidDataException($"{path}: cannot be read ({exception.Message}). Set Seeds:Organization to the organisation file.", exception);
        }

        return Parse(bytes, path);
    }

    /// <summary>Checks the text of an organisation file named <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not JSON or breaks a rule.</exception>
    public static OrganizationSeedData Parse(byte[] bytes, string file)
    {
        OrganizationFile parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<OrganizationFile>(bytes, Options) ?? throw new InvalidDataException($"{file} is empty.");
        }
        catch (JsonException exception)
        {
            var reason = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "no such field. Check its spelling against seeds/README.md (names are case-sensitive)."
                : exception.Message.Split(" Path: ")[0];
            throw new InvalidDataException($"{file} line {exception.LineNumber + 1} ({exception.Path}): {reason}", exception);
        }

        return new Checker(file, JsonLineMap.Of(bytes)).Check(parsed);
    }

    private sealed class Checker(string file, JsonLineMap lines)
    {
        private readonly Dictionary<string, PersonRecord> _people = new(StringComparer.Ordinal);

        public OrganizationSeedData Check(OrganizationFile parsed)
        {
            var people = (parsed.People ?? []).Select(Person).ToList();
            var units = (parsed.Units ?? []).Select(Unit).ToList();
            Unique(units.Select(u => u.Id), "$.units", "id");
            var areas = Areas(people);
            var subjects = (parsed.Subjects ?? []).Select((s, i) => Subject(s, i, units)).ToList();
            Unique(subjects.Select(s => s.Id), "$.subjects", "id");
            var authority = Authority(parsed.CadreAuthority ?? []);
            return new OrganizationSeedData(parsed.Unit ?? "", people, units, subjects, areas, authority);
        }

        private PersonRecord Person(PersonEntry entry, int index)
        {
            var at = $"$.people[{index}]";
            var id = Required(entry.Id, $"{at}.id", "every person needs an id, used in models and task links (e.g. \"zhao.discipline\")");
            if (_people.ContainsKey(id))
            {
                throw Problem($"{at}.id", $"the person id '{id}' appears twice; ids must be unique.");
            }

            if (!string.IsNullOrWhiteSpace(entry.Email) && !MailAddresses.IsValid(entry.Email))
            {
                throw Problem($"{at}.email", $"'{entry.Email}' is not one email address such as \"{id}@college.example\".");
            }

            if (entry.Culture is not null && !MailCultures.IsWellFormed(entry.Culture))
            {
                throw Problem($"{at}.culture", $"'{entry.Culture}' is not a language such as \"zh-CN\" or \"en\".");
            }

            var roles = entry.Roles ?? [];
            OneOf(roles, Positions.All, $"{at}.roles", "positions");
            var access = entry.Access ?? AccessRole.DefaultsFor(roles).ToList();
            OneOf(access, AccessRole.All, $"{at}.access", "access roles");
            var person = new PersonRecord
            {
                Id = id,
                Name = entry.Name ?? id,
                Title = entry.Title,
                Email = string.IsNullOrWhiteSpace(entry.Email) ? null : entry.Email,
                Culture = entry.Culture,
                Positions = roles,
                Groups = entry.Groups ?? [],
                Portfolio = entry.Portfolio ?? [],
                Access = access.Distinct(StringComparer.Ordinal).ToList(),
                Order = index,
            };
            _people[id] = person;
            return person;
        }

        private OrgUnit Unit(UnitEntry entry, int index)
        {
            var at = $"$.units[{index}]";
            return new OrgUnit
            {
                Id = Required(entry.Id, $"{at}.id", "every unit needs an id (e.g. \"branch-staff-1\")"),
                Name = Required(entry.Name, $"{at}.name", "every unit needs a name (e.g. 教工第一党支部)"),
                Kind = Enum<UnitKind>(entry.Kind, $"{at}.kind"),
                HeadId = Known(entry.Head, $"{at}.head"),
                Order = index,
            };
        }

        private Subject Subject(SubjectEntry entry, int index, List<OrgUnit> units)
        {
            var at = $"$.subjects[{index}]";
            var owner = Known(Required(entry.Owner, $"{at}.owner", "every subject needs an owner, the person who answers for it"), $"{at}.owner")!;
            if (entry.Unit is not null && units.All(u => u.Id != entry.Unit))
            {
                throw Problem($"{at}.unit", $"'{entry.Unit}' is not the id of a unit in \"units\".");
            }

            return new Subject
            {
                Id = Required(entry.Id, $"{at}.id", "every subject needs an id (e.g. \"committee\")"),
                Name = Required(entry.Name, $"{at}.name", "every subject needs a name (e.g. 学院党委)"),
                Kind = Enum<DutyKind>(entry.Kind, $"{at}.kind"),
                OwnerId = owner,
                SupervisingLeaderId = Known(entry.SupervisingLeader, $"{at}.supervisingLeader"),
                FirstResponsibleId = Known(entry.FirstResponsible, $"{at}.firstResponsible") ?? DefaultFirstResponsible(owner, $"{at}.firstResponsible"),
                UnitId = entry.Unit,
                Order = index,
            };
        }

        // The Party secretary answers first; for the Party secretary's own duty, the president (the other principal leader).
        private string DefaultFirstResponsible(string owner, string at)
        {
            var secretary = Holder(Positions.PartySecretary);
            return secretary is not null && secretary != owner ? secretary
                : Holder(Positions.President) ?? throw Problem(at, "name the first-responsible person: the file has no PartySecretary and President to default to.");
        }

        private List<PortfolioArea> Areas(List<PersonRecord> people)
        {
            var areas = new Dictionary<string, PortfolioArea>(StringComparer.Ordinal);
            foreach (var person in people)
            {
                for (var i = 0; i < person.Portfolio.Count; i++)
                {
                    var name = person.Portfolio[i];
                    if (areas.TryGetValue(name, out var taken))
                    {
                        throw Problem($"$.people[{person.Order}].portfolio[{i}]",
                            $"the area '{name}' is already {taken.LeaderId}'s; an area has one leader in charge (Art. 9). Rename one, or remove it from one person.");
                    }

                    areas[name] = new PortfolioArea { Name = name, LeaderId = person.Id };
                }
            }

            return areas.Values.ToList();
        }

        // Rules apply in order, so a rule for one person after a rule for a position overrides it.
        private List<CadreAuthority> Authority(List<AuthorityEntry> entries)
        {
            var byPerson = new Dictionary<string, CadreAuthority>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var at = $"$.cadreAuthority[{i}]";
                var over = Expand(Required(entry.Over, $"{at}.over", "say whom the rule is over: a person id, role:X or group:X"), $"{at}.over");
                var holder = One(Required(entry.Holder, $"{at}.holder", "say who holds the talks: a person id or a role one person holds"), $"{at}.holder");
                var assistant = entry.Assistant is null ? null : One(entry.Assistant, $"{at}.assistant");
                foreach (var person in over)
                {
                    byPerson[person] = new CadreAuthority { PersonId = person, HolderId = holder, AssistantId = assistant, ReportUpward = entry.ReportUpward };
                }
            }

            return byPerson.Values.ToList();
        }

        private List<string> Expand(string name, string at)
        {
            var people = name.StartsWith("role:", StringComparison.Ordinal) ? _people.Values.Where(p => p.Positions.Contains(name[5..])).Select(p => p.Id).ToList()
                : name.StartsWith("group:", StringComparison.Ordinal) ? _people.Values.Where(p => p.Groups.Contains(name[6..])).Select(p => p.Id).ToList()
                : [Known(name, at)!];
            return people.Count > 0 ? people : throw Problem(at, $"'{name}' names nobody in \"people\".");
        }

        private string One(string name, string at)
        {
            var people = Expand(name, at);
            return people.Count == 1 ? people[0] : throw Problem(at, $"'{name}' names {people.Count} people ({string.Join(", ", people)}); name one.");
        }

        private string? Holder(string position) => _people.Values.FirstOrDefault(p => p.Positions.Contains(position))?.Id;

        private string? Known(string? id, string at) =>
            id is null || _people.ContainsKey(id) ? id : throw Problem(at, $"'{id}' is not the id of a person in \"people\".");

        private string Required(string? value, string at, string what) =>
            string.IsNullOrWhiteSpace(value) ? throw Problem(at, $"missing: {what}.") : value;

        private T Enum<T>(string? value, string at) where T : struct, Enum =>
            System.Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed)
                ? parsed
                : throw Problem(at, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");

        private void OneOf(List<string> values, IReadOnlyList<string> known, string at, string what)
        {
            var index = values.FindIndex(v => !known.Contains(v, StringComparer.Ordinal));
            if (index >= 0)
            {
                throw Problem($"{at}[{index}]", $"'{values[index]}' is not one of the {what}: {string.Join(", ", known)}.");
            }
        }

        private void Unique(IEnumerable<string> ids, string at, string field)
        {
            var list = ids.ToList();
            var twice = list.Select((id, i) => (id, i)).GroupBy(x => x.id).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                throw Problem($"{at}[{twice.Last().i}].{field}", $"the id '{twice.Key}' appears twice; ids must be unique.");
            }
        }

        private InvalidDataException Problem(string path, string reason) => SeedProblem.At(file, lines, path, reason);
    }

    private sealed record OrganizationFile(string? Description, string? Unit, List<UnitEntry>? Units, List<PersonEntry>? People, List<SubjectEntry>? Subjects,
        List<AuthorityEntry>? CadreAuthority);

    private sealed record UnitEntry(string? Id, string? Name, string? Kind, string? Head);

    private sealed record PersonEntry(string? Id, string? Name, string? Title, string? Email, List<string>? Roles, List<string>? Groups, List<string>? Portfolio,
        List<string>? Access, string? Culture);

    private sealed record SubjectEntry(string? Id, string? Name, string? Kind, string? Owner, string? SupervisingLeader, string? FirstResponsible, string? Unit);

    private sealed record AuthorityEntry(string? Over, string? Holder, string? Assistant, bool ReportUpward = false);
}

/// <summary>An organisation file, checked: what the seeder writes to the database.</summary>
internal sealed record OrganizationSeedData(
    string Unit,
    IReadOnlyList<PersonRecord> People,
    IReadOnlyList<OrgUnit> Units,
    IReadOnlyList<Subject> Subjects,
    IReadOnlyList<PortfolioArea> Areas,
    IReadOnlyList<CadreAuthority> Authority)
{
    public OrgChart ToOrganization() =>
        new(Unit, People.Select(p => p.ToPerson()), Units, Subjects, Areas, Authority);
}
