using System.Text.Json;
using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>A value made to fit its field: the JSON to store and, for checks, its number or text.</summary>
internal readonly record struct CoercedValue(JsonNode Node, decimal? Number = null, string? Text = null);

/// <summary>Why a value was refused: a code from <see cref="FormCodes"/> and the message for the person.</summary>
internal readonly record struct FieldFailure(string Code, string Message);

/// <summary>
/// Turns a submitted (non-empty) value into the field's type: text from strings, numbers and booleans; numbers
/// from JSON numbers and numeric strings; true/false from booleans and <c>"true"</c>/<c>"on"</c>/<c>"false"</c>/<c>"off"</c>;
/// choices mapped onto the option's own value; dates and times as normalised ISO 8601 strings.
/// </summary>
internal static class ValueCoercer
{
    public static bool TryCoerce(FormField field, JsonNode value, IReadOnlyList<OptionValue>? options, out CoercedValue result, out FieldFailure failure)
    {
        result = default;
        failure = default;
        var label = field.Label;
        switch (field.Type)
        {
            case FormFieldType.TextField:
            case FormFieldType.TextArea:
                if (!TryText(value, out var text))
                {
                    return Fail(out failure, FormCodes.Type, $"'{label}' must be text; given {Describe(value)}.");
                }

                result = new CoercedValue(JsonValue.Create(text), Text: text);
                return true;

            case FormFieldType.Number:
                if (!TryNumber(value, out var number))
                {
                    return Fail(out failure, FormCodes.Type, $"'{label}' must be a number such as 42 or 3.5; given '{JsonValues.Echo(value)}'.");
                }

                result = new CoercedValue(field.Rules.NumberAsString ? JsonValue.Create(JsonValues.Format(number)) : JsonValues.NumberNode(number), number);
                return true;

            case FormFieldType.Checkbox:
                if (!TryBoolean(value, out var flag))
                {
                    return Fail(out failure, FormCodes.Type, $"'{label}' must be true or false (checked or not); given '{JsonValues.Echo(value)}'.");
                }

                result = new CoercedValue(JsonValue.Create(flag));
                return true;

            case FormFieldType.Radio:
            case FormFieldType.Select:
                if (value is not JsonValue)
                {
                    return Fail(out failure, FormCodes.Type, $"'{label}' takes one choice, not {Describe(value)}.");
                }

                return TryChoose(field, [value], options, out result, out failure, single: true);

            case FormFieldType.Checklist:
            case FormFieldType.TagList:
                var items = value is JsonArray array ? array.ToList() : [value];
                if (items.Any(item => item is not JsonValue))
                {
                    return Fail(out failure, FormCodes.Type, $"'{label}' takes a list of choices; given {Describe(value)}.");
                }

                return TryChoose(field, items!, options, out result, out failure, single: false);

            default:
                return TryTemporal(field, value, out result, out failure);
        }
    }

    private static bool TryTemporal(FormField field, JsonNode value, out CoercedValue result, out FieldFailure failure)
    {
        result = default;
        failure = default;
        var format = field.Rules.TimeFormat;
        string normalized = "";
        var ok = JsonValues.TryGetString(value, out var text) && field.Type switch
        {
            FormFieldType.Date => TemporalText.TryDate(text, out normalized),
            FormFieldType.Time => TemporalText.TryTime(text, format, out normalized),
            _ => TemporalText.TryDateTime(text, format, out normalized),
        };
        if (!ok)
        {
            return Fail(out failure, FormCodes.Type,
                $"'{field.Label}' must be {TemporalText.Example(field.Type, format)}; given '{JsonValues.Echo(value)}'.");
        }

        result = new CoercedValue(JsonValue.Create(normalized), Text: normalized);
        return true;
    }

    /// <summary>Maps each submitted value onto an option; with no known options (taken from a FEEL expression), keeps the values.</summary>
    private static bool TryChoose(FormField field, List<JsonNode> items, IReadOnlyList<OptionValue>? options, out CoercedValue result,
        out FieldFailure failure, bool single)
    {
        result = default;
        failure = default;
        var chosen = new List<JsonNode>();
        var refused = new List<string>();
        foreach (var item in items)
        {
            var text = CanonicalText(item);
            JsonNode? match = options is null ? item.DeepClone() : options.FirstOrDefault(o => o.Text == text)?.Value.DeepClone();
            if (match is null)
            {
                refused.Add(JsonValues.Echo(item));
            }
            else if (!chosen.Any(c => CanonicalText(c) == CanonicalText(match)))
            {
                chosen.Add(match);
            }
        }

        if (refused.Count > 0)
        {
            return Fail(out failure, FormCodes.Option,
                $"'{field.Label}' must be {(single ? "one of" : "chosen from")} {DescribeOptions(options!)}; given '{string.Join("', '", refused)}'.");
        }

        result = new CoercedValue(single ? chosen[0] : new JsonArray([.. chosen]));
        return true;
    }

    /// <summary>The text an option value and a submitted value are compared by: <c>1</c>, <c>"1"</c> and <c>1.0</c> are one choice.</summary>
    public static string CanonicalText(JsonNode? node)
    {
        if (JsonValues.TryGetString(node, out var s))
        {
            return s;
        }

        if (JsonValues.TryGetNumber(node, out var number))
        {
            return JsonValues.Format(number);
        }

        return node?.ToJsonString() ?? "null";
    }

    private static string DescribeOptions(IReadOnlyList<OptionValue> options)
    {
        if (options.Count == 0)
        {
            return "the options, but the form offers none here";
        }

        const int shown = 12;
        var names = options.Take(shown).Select(o => o.Label == o.Text ? $"'{o.Text}'" : $"'{o.Label}' ({o.Text})");
        return string.Join(", ", names) + (options.Count > shown ? $" and {options.Count - shown} more" : "");
    }

    private static bool TryText(JsonNode value, out string text)
    {
        text = "";
        switch (JsonValues.KindOf(value))
        {
            case JsonValueKind.String:
                return JsonValues.TryGetString(value, out text);
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                text = CanonicalText(value);
                return true;
            default:
                return false;
        }
    }

    private static bool TryNumber(JsonNode value, out decimal number)
    {
        number = 0;
        return JsonValues.TryGetNumber(value, out number)
            || (JsonValues.TryGetString(value, out var text) && JsonValues.TryParseNumber(text, out number));
    }

    private static bool TryBoolean(JsonNode value, out bool flag)
    {
        flag = false;
        switch (JsonValues.KindOf(value))
        {
            case JsonValueKind.True:
                flag = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                JsonValues.TryGetString(value, out var text);
                switch (text.Trim().ToLowerInvariant())
                {
                    case "true" or "on":
                        flag = true;
                        return true;
                    case "false" or "off":
                        return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static string Describe(JsonNode value) => value switch
    {
        JsonArray => "a list",
        JsonObject => "an object",
        _ => $"'{JsonValues.Echo(value)}'",
    };

    private static bool Fail(out FieldFailure failure, string code, string message)
    {
        failure = new FieldFailure(code, message);
        return false;
    }
}
