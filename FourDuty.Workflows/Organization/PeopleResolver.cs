using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Tasks;

namespace FourDuty.Workflows.Organization;

/// <summary>
/// The one place that turns the names a model writes into people: person ids as they are, <c>role:X</c> (the holders
/// of a position), <c>group:X</c> (a candidate group's members), <c>area:X</c> (the leader of a portfolio area),
/// <c>subject:owner</c>, <c>subject:supervisingLeader</c>, <c>subject:firstResponsible</c>,
/// <c>subject:disciplineSecretary</c> and <c>subject:related</c> (the three around the subject in the variable
/// <c>subjectId</c> or <c>subject</c>), and <c>${variable}</c> holding any of these (text, a list, or an object with an
/// <c>id</c>). The assignment resolver, the task mail listener and the mail send task all use it. In-memory: safe inside a step.
/// </summary>
public sealed class PeopleResolver(PeopleDirectory directory)
{
    /// <summary>The people named by a comma-separated list, each once, in order; names that are no position, group or variable pass through as person ids.</summary>
    /// <param name="list">E.g. <c>assignee-id,role:DisciplineSecretary,subject:supervisingLeader</c>.</param>
    /// <param name="variable">Reads a variable where the names are used (for <c>${...}</c> and <c>subject:</c>); null where there are none.</param>
    public IReadOnlyList<string> Resolve(string? list, Func<string, JsonNode?>? variable = null) => Resolve(TaskCandidates.Split(list), variable);

    /// <summary>As <see cref="Resolve(string?, Func{string, JsonNode?}?)"/>, for names already split.</summary>
    public IReadOnlyList<string> Resolve(IEnumerable<string> names, Func<string, JsonNode?>? variable = null) =>
        names.SelectMany(name => Expand(name, variable, depth: 0)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="name"/> is not a plain person id but names people indirectly.</summary>
    public static bool IsIndirect(string name) =>
        name.StartsWith("role:", StringComparison.Ordinal) || name.StartsWith("group:", StringComparison.Ordinal)
        || name.StartsWith("area:", StringComparison.Ordinal) || name.StartsWith("subject:", StringComparison.Ordinal)
        || (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}'));

    /// <summary>The people around a subject, or null when there is no such subject.</summary>
    public SubjectPeople? Around(string subjectId) =>
        directory.Current.FindSubject(subjectId) is { } subject
            ? new SubjectPeople(subject, subject.OwnerId, subject.SupervisingLeaderId, subject.FirstResponsibleId, directory.Current.DisciplineSecretary?.Id)
            : null;

    /// <summary>The subject id in <c>subjectId</c>, else in <c>subject</c> (its text, or its <c>id</c>); null when neither holds one.</summary>
    public static string? SubjectIdOf(Func<string, JsonNode?> variable) => IdOf(variable("subjectId")) ?? IdOf(variable("subject"));

    /// <summary>The id a variable holds: its text, or the <c>id</c> of an object.</summary>
    public static string? IdOf(JsonNode? node) => node switch
    {
        JsonObject item => item["id"] is JsonValue id ? id.ToString() : null,
        JsonValue value when value.ToString() is { Length: > 0 } text => text,
        _ => null,
    };

    private IEnumerable<string> Expand(string name, Func<string, JsonNode?>? variable, int depth)
    {
        if (name.StartsWith("role:", StringComparison.Ordinal))
        {
            return directory.WithRole(name[5..]).Select(p => p.Id);
        }

        if (name.StartsWith("group:", StringComparison.Ordinal))
        {
            return directory.InGroup(name[6..]).Select(p => p.Id);
        }

        if (name.StartsWith("area:", StringComparison.Ordinal))
        {
            return directory.Current.Areas.Where(a => a.Name == name[5..]).Select(a => a.LeaderId);
        }

        if (name.StartsWith("subject:", StringComparison.Ordinal))
        {
            return variable is not null && SubjectIdOf(variable) is { } subjectId && Around(subjectId) is { } around ? around.Named(name[8..]) : [];
        }

        if (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}'))
        {
            // One level: a variable holding "role:X" is expanded, one holding "${y}" is not followed further.
            return variable is null || depth > 0 ? [] : Values(variable(name[2..^1].Trim())).SelectMany(value => Expand(value, variable, depth + 1));
        }

        return [name];
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(IdOf).OfType<string>(),
        JsonObject => IdOf(node) is { } id ? [id] : [],
        JsonValue value => TaskCandidates.Split(value.ToString()),
        _ => [],
    };
}

/// <summary>The people around a subject, as notices and follow-ups need them.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="SupervisingLeader">Who follows up first; null for none.</param>
/// <param name="FirstResponsible">The first-responsible person.</param>
/// <param name="DisciplineSecretary">The discipline secretary; null when the organisation has none.</param>
public sealed record SubjectPeople(Subject Subject, string Owner, string? SupervisingLeader, string FirstResponsible, string? DisciplineSecretary)
{
    /// <summary>The people a <c>subject:</c> name stands for (<c>owner</c>, <c>supervisingLeader</c>, <c>firstResponsible</c>, <c>disciplineSecretary</c>, <c>related</c>).</summary>
    public IEnumerable<string> Named(string relation) => (relation switch
    {
        "owner" => [Owner],
        "supervisingLeader" => [SupervisingLeader],
        "firstResponsible" => [FirstResponsible],
        "disciplineSecretary" => [DisciplineSecretary],
        "related" => new[] { SupervisingLeader, FirstResponsible, DisciplineSecretary },
        _ => Array.Empty<string?>(),
    }).OfType<string>().Where(id => id != Owner || relation == "owner");
}
