using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>Reads the component's properties with the kinds form-js gives them, reporting each misfit.</summary>
internal sealed class ComponentProperties(JsonObject component, string path, string? id, string label, FormParseContext context)
{
    public string Label { get; } = label;

    public void NotEnforced(string message) => context.Warning(FormCodes.SchemaNotEnforced, path, id, message);

    public JsonObject? Object(string name)
    {
        var node = component[name];
        if (node is null or JsonObject)
        {
            return node as JsonObject;
        }

        Misfit(name, "an object");
        return null;
    }

    public string? Text(JsonObject owner, string name) => JsonValues.StringOrNull(owner[name]);

    public bool Bool(JsonObject owner, string dottedName)
    {
        var node = owner[Last(dottedName)];
        if (node is null)
        {
            return false;
        }

        var value = JsonValues.BoolOrNull(node);
        if (value is null)
        {
            Misfit(dottedName, "true or false");
        }

        return value ?? false;
    }

    /// <summary><c>readonly</c> and <c>disabled</c>: true, false, or a FEEL expression the server treats as false.</summary>
    public bool Flag(string name)
    {
        var node = component[name];
        if (JsonValues.BoolOrNull(node) is { } value)
        {
            return value;
        }

        if (JsonValues.TryGetString(node, out var expression) && expression.Length > 0)
        {
            NotEnforced($"'{Label}' is {name} by the expression '{JsonValues.Shorten(expression)}'; the server cannot evaluate FEEL, "
                + $"so it treats the field as not {name}.");
        }
        else if (node is not null && JsonValues.KindOf(node) is not JsonValueKind.String and not JsonValueKind.Null)
        {
            Misfit(name, "true, false or an expression");
        }

        return false;
    }

    public bool HasCondition(JsonObject owner) =>
        owner["conditional"] is JsonObject conditional && JsonValues.StringOrNull(conditional["hide"]) is { Length: > 0 };

    public int? Integer(JsonObject owner, string dottedName)
    {
        var number = Number(owner, dottedName);
        if (number is null)
        {
            return null;
        }

        if (number < 0 || number != decimal.Truncate(number.Value) || number > int.MaxValue)
        {
            Misfit(dottedName, "a whole number of zero or more", owner[Last(dottedName)]);
            return null;
        }

        return (int)number.Value;
    }

    /// <summary>A number, a numeric string, or a FEEL expression (a warning: only the browser checks it).</summary>
    public decimal? Number(JsonObject owner, string dottedName)
    {
        var node = owner[Last(dottedName)];
        if (node is null || JsonValues.KindOf(node) == JsonValueKind.Null)
        {
            return null;
        }

        if (JsonValues.TryGetNumber(node, out var number))
        {
            return number;
        }

        if (JsonValues.TryGetString(node, out var text))
        {
            if (text.Trim().Length == 0)
            {
                return null;
            }

            if (text.TrimStart().StartsWith('='))
            {
                NotEnforced($"'{Label}' takes {dottedName} from the expression '{JsonValues.Shorten(text)}'; the server cannot evaluate FEEL, "
                    + "so the browser alone checks it.");
                return null;
            }

            if (JsonValues.TryParseNumber(text, out number))
            {
                return number;
            }
        }

        Misfit(dottedName, "a number", node);
        return null;
    }

    public decimal? Increment()
    {
        var increment = Number(component, "increment");
        if (increment is <= 0)
        {
            Misfit("increment", "a number above zero", component["increment"]);
            return null;
        }

        return increment;
    }

    public string? PatternText(JsonObject validate)
    {
        var node = validate["pattern"];
        if (node is null || JsonValues.KindOf(node) == JsonValueKind.Null)
        {
            return null;
        }

        if (!JsonValues.TryGetString(node, out var pattern))
        {
            Misfit("validate.pattern", "a regular expression as a string", node);
            return null;
        }

        return pattern.Length == 0 ? null : pattern;
    }

    public Regex? CompilePattern(string pattern)
    {
        var regex = JsPattern.TryCompile(pattern, context.Limits.PatternTimeout, out var error);
        if (regex is null)
        {
            context.Error(FormCodes.SchemaPattern, path + ".validate.pattern", id,
                $"The pattern of '{Label}' is not a regular expression: {error} Given: '{JsonValues.Shorten(pattern)}'. "
                + "Fix it in the form editor (Validation > Custom regular expression).");
        }

        return regex;
    }

    public TextKind TextKind(JsonObject validate)
    {
        var node = validate["validationType"];
        switch (JsonValues.StringOrNull(node))
        {
            case "email":
                return Forms.TextKind.Email;
            case "phone":
                return Forms.TextKind.Phone;
            case null when node is null || JsonValues.KindOf(node) == JsonValueKind.Null:
            case "" or "custom":
                return Forms.TextKind.Any;
            default:
                Misfit("validate.validationType", "'email', 'phone' or 'custom'", node);
                return Forms.TextKind.Any;
        }
    }

    public TimeFormat TimeFormat()
    {
        var node = component["timeSerializingFormat"];
        switch (JsonValues.StringOrNull(node))
        {
            case null when node is null:
            case "utc_offset":
                return Forms.TimeFormat.UtcOffset;
            case "utc_normalized":
                return Forms.TimeFormat.UtcNormalized;
            case "no_timezone":
                return Forms.TimeFormat.NoTimezone;
            default:
                Misfit("timeSerializingFormat", "'utc_offset', 'utc_normalized' or 'no_timezone'", node);
                return Forms.TimeFormat.UtcOffset;
        }
    }

    /// <summary>Static options (<c>values</c>), options from a variable (<c>valuesKey</c>) or from FEEL (<c>valuesExpression</c>).</summary>
    public (IReadOnlyList<OptionValue> Options, string? Key, bool Unchecked) Options()
    {
        if (component["values"] is JsonArray values)
        {
            var options = new List<OptionValue>();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is JsonObject item && item["value"] is JsonValue value && JsonValues.KindOf(value) != JsonValueKind.Null)
                {
                    var text = ValueCoercer.CanonicalText(value);
                    options.Add(new OptionValue(value.DeepClone(), text, JsonValues.StringOrNull(item["label"]) is { Length: > 0 } l ? l : text));
                }
                else
                {
                    context.Error(FormCodes.SchemaProperty, $"{path}.values[{i}]", id,
                        $"Option {i + 1} of '{Label}' must be an object with a 'value' (text, number or true/false) and a 'label'; "
                        + $"given {JsonValues.Echo(values[i])}.");
                }
            }

            return (options, null, false);
        }

        if (JsonValues.StringOrNull(component["valuesKey"]) is { Length: > 0 } key)
        {
            return ([], key, false);
        }

        if (JsonValues.StringOrNull(component["valuesExpression"]) is { Length: > 0 } expression)
        {
            NotEnforced($"'{Label}' takes its options from the expression '{JsonValues.Shorten(expression)}'; the server cannot evaluate FEEL, "
                + "so it accepts any value of the right kind.");
            return ([], null, true);
        }

        context.Error(FormCodes.SchemaProperty, path, id,
            $"'{Label}' offers no options: add static options ('values'), or name the variable that holds them ('valuesKey').");
        return ([], null, false);
    }

    /// <summary>The default value in the field's type, or null with a warning when it does not fit.</summary>
    public JsonNode? DefaultValue(FormField field, IReadOnlyList<OptionValue>? options)
    {
        var node = component["defaultValue"];
        if (node is null || JsonValues.KindOf(node) == JsonValueKind.Null || (JsonValues.TryGetString(node, out var s) && s.Length == 0))
        {
            return null;
        }

        if (ValueCoercer.TryCoerce(field, node, options, out var value, out var failure))
        {
            return value.Node;
        }

        context.Warning(FormCodes.SchemaDefault, path + ".defaultValue", id,
            $"The default value does not fit the field: {failure.Message} The field starts empty instead; fix the default in the form editor.");
        return null;
    }

    private void Misfit(string dottedName, string expected, JsonNode? given = null) =>
        context.Error(FormCodes.SchemaProperty, $"{path}.{dottedName}", id,
            $"'{dottedName}' of '{Label}' must be {expected}; given {JsonValues.Echo(given ?? Find(dottedName))}.");

    private JsonNode? Find(string dottedName)
    {
        JsonNode? node = component;
        foreach (var part in dottedName.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    private static string Last(string dottedName) => dottedName[(dottedName.LastIndexOf('.') + 1)..];
}
