using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// What a <c>duty.*</c> handler reads: the variables visible at its task and its <c>camunda:properties</c>, where a
/// property is either a literal or <c>${name}</c> / <c>${name.member}</c> naming a variable. A missing or malformed value
/// fails the job with a message naming the element, the variable and what it should hold (it becomes an incident when
/// the retries are used up: fix the variable and retry).
/// </summary>
internal sealed class HandlerInput(ServiceTaskContext context)
{
    public ServiceTaskContext Context { get; } = context;

    /// <summary>A variable by name, or by a dotted path into an object (<c>finding.id</c>).</summary>
    public JsonNode? Variable(string path)
    {
        var parts = path.Split('.');
        var node = Context.Variables.GetValueOrDefault(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            node = node is JsonObject item ? item[part] : null;
        }

        return node;
    }

    /// <summary>A property as text: its literal value, or the variable it names with <c>${...}</c>; null when absent.</summary>
    public string? Property(string name) =>
        Context.Properties.GetValueOrDefault(name) is not { } text ? null
        : text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? Text(Variable(text[2..^1].Trim()))
        : text;

    /// <summary>The value of <paramref name="name"/>: the property of that name when the task has one, else the variable.</summary>
    public JsonNode? Value(string name) =>
        Context.Properties.TryGetValue(name, out var text)
            ? text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? Variable(text[2..^1].Trim())?.DeepClone() : JsonValue.Create(text)
            : Variable(name);

    public string? OptionalText(string name) => Text(Value(name));

    public string RequiredText(string name, string what) =>
        OptionalText(name) is { Length: > 0 } text ? text : throw Missing(name, what);

    /// <summary>An id held as text, or as the <c>id</c> of an object (a subject or a finding handed on by another task).</summary>
    public string RequiredId(string name, string what) => PeopleResolver.IdOf(Value(name)) ?? throw Missing(name, what);

    public Guid RequiredGuid(string name, string what) =>
        Guid.TryParse(RequiredId(name, what), out var id) ? id : throw Wrong(name, what, Value(name));

    public Guid? OptionalGuid(string name) => Guid.TryParse(PeopleResolver.IdOf(Value(name)), out var id) ? id : null;

    /// <summary>The subject in <c>subjectId</c>, else <c>subject</c> (its text or its <c>id</c>).</summary>
    public string SubjectId() =>
        PeopleResolver.SubjectIdOf(Value) ?? throw Missing("subjectId", "the subject's id (or a variable subject holding it)");

    /// <summary>The duty year in <c>year</c> (a number, or text such as "2026").</summary>
    public int Year() => YearOf(Value("year")) ?? throw Missing("year", "the duty year, e.g. 2026");

    public static int? YearOf(JsonNode? node) => node is JsonValue value && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
        ? year
        : null;

    public JsonArray List(string name) => Value(name) switch
    {
        JsonArray list => list,
        null => [],
        var other => throw Wrong(name, "a list", other),
    };

    public bool Flag(string name) => Value(name) is JsonValue value && (value.GetValueKind() == JsonValueKind.True
        || string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase));

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToString(),
        _ => node.ToJsonString(),
    };

    public InvalidOperationException Missing(string name, string what) =>
        new($"The task '{Context.ElementId}' ({Context.Properties.GetValueOrDefault("type") ?? "duty"}) needs '{name}': {what}. Set the variable (or the property) and retry.");

    public InvalidOperationException Wrong(string name, string what, JsonNode? given) =>
        new($"The task '{Context.ElementId}' needs '{name}' to be {what}; it holds {given?.ToJsonString() ?? "null"}. Correct the variable and retry.");
}
