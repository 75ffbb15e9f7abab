using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
namespace FourDuty.Engine.Variables;

/// <summary>A variable's value: JSON, with dates told apart from strings.</summary>
/// <param name="Type">The JSON type (dates are kept as ISO 8601 strings in UTC).</param>
/// <param name="Json">The value; null for JSON null.</param>
public readonly record struct VariableValue(VariableType Type, JsonNode? Json)
{
    /// <summary>JSON null.</summary>
    public static VariableValue Null => new(VariableType.Null, null);

    /// <summary>A string.</summary>
    public static VariableValue From(string value) => new(VariableType.String, JsonValue.Create(value));

    /// <summary>A number.</summary>
    public static VariableValue From(double value) => new(VariableType.Number, JsonValue.Create(value));

    /// <summary>A boolean.</summary>
    public static VariableValue From(bool value) => new(VariableType.Boolean, JsonValue.Create(value));

    /// <summary>An instant.</summary>
    public static VariableValue From(DateTimeOffset value) =>
        new(VariableType.Date, JsonValue.Create(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Reads a JSON value as sent by a client: strings stay strings, arrays are lists, objects are objects.</summary>
    public static VariableValue FromJson(JsonNode? node) => node switch
    {
        null => Null,
        JsonArray => new VariableValue(VariableType.List, node.DeepClone()),
        JsonObject => new VariableValue(VariableType.Object, node.DeepClone()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new VariableValue(VariableType.String, value.DeepClone()),
            JsonValueKind.Number => new VariableValue(VariableType.Number, JsonValue.Create(AsDouble(value))),
            JsonValueKind.True or JsonValueKind.False => new VariableValue(VariableType.Boolean, value.DeepClone()),
            _ => Null,
        },
        _ => Null,
    };

    // A node parsed from text holds a JsonElement, which converts to double; one built in .NET (JsonValue.Create(3)) holds
    // the int, long or decimal it was made of, and GetValue<double> would throw on it.
    private static double AsDouble(JsonValue value) =>
        value.TryGetValue<double>(out var number) ? number : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a stored variable.</summary>
    public static VariableValue FromStored(VariableType type, string json) =>
        new(type, type == VariableType.Null ? null : JsonNode.Parse(json));

    /// <summary>The JSON text to store.</summary>
    public string ToJsonText() => Json?.ToJsonString() ?? "null";

    /// <summary>The instant, for a date.</summary>
    public DateTimeOffset AsDate() =>
        DateTimeOffset.Parse(Json!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>JavaScript truthiness, for conditions.</summary>
    public bool IsTruthy => Type switch
    {
        VariableType.Null => false,
        VariableType.Boolean => Json!.GetValue<bool>(),
        VariableType.Number => Json!.GetValue<double>() is var n && n != 0 && !double.IsNaN(n),
        VariableType.String => Json!.GetValue<string>().Length > 0,
        _ => true,
    };

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        VariableType.Null => "null",
        VariableType.String or VariableType.Date => Json!.GetValue<string>(),
        VariableType.Number => Json!.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        VariableType.Boolean => Json!.GetValue<bool>() ? "true" : "false",
        _ => ToJsonText(),
    };
}
