using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>Reading JSON values whatever built them: a parser (element-backed) or code (<c>JsonValue.Create</c>).</summary>
internal static class JsonValues
{
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        // A string-kind value built from another CLR type (char, Guid, DateTime …): read it back as JSON.
        text = JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "";
        return true;
    }

    public static string? StringOrNull(JsonNode? node) => TryGetString(node, out var s) ? s : null;

    public static bool? BoolOrNull(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A JSON number read exactly, as decimal; false for other kinds and for numbers beyond decimal's range.</summary>
    public static bool TryGetNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        return KindOf(node) == JsonValueKind.Number && TryParseNumber(node!.ToJsonString(), out number);
    }

    /// <summary>Reads a number written the JSON way (invariant culture, optional sign, decimal point and exponent).</summary>
    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out number);

    /// <summary>A decimal without trailing zeros, as a JSON number node (element-backed, so readers can take any numeric type).</summary>
    public static JsonNode NumberNode(decimal number) => JsonNode.Parse(Format(number))!;

    /// <summary>Plain notation, no trailing zeros: <c>42</c>, <c>3.5</c>, <c>0.000001</c>.</summary>
    public static string Format(decimal number) =>
        (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>The value as a person would recognise it in a message, cut short.</summary>
    public static string Echo(JsonNode? node)
    {
        var text = TryGetString(node, out var s) ? s : node?.ToJsonString() ?? "null";
        return Shorten(text);
    }

    public static string Shorten(string text)
    {
        const int max = 40;
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
    }
}
