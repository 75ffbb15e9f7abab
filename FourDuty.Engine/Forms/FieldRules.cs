using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>The checks of one field, read from its component once at parse time.</summary>
internal sealed class FieldRules
{
    /// <summary>Required, and not under a condition the server cannot evaluate.</summary>
    public bool RequiredEnforced { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary>The pattern as the designer wrote it, for messages.</summary>
    public string? PatternText { get; init; }

    public TextKind TextKind { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public int? DecimalDigits { get; init; }

    public decimal? Increment { get; init; }

    /// <summary>A number field that stores its value as a string (form-js <c>serializeToString</c>).</summary>
    public bool NumberAsString { get; init; }

    public TimeFormat TimeFormat { get; init; }

    /// <summary>The fixed options, as JSON values (string, number or boolean).</summary>
    public IReadOnlyList<OptionValue> Options { get; init; } = [];

    /// <summary>Options come from a FEEL expression: they cannot be checked on the server.</summary>
    public bool OptionsUnchecked { get; init; }
}

/// <summary>A predefined text format (form-js <c>validate.validationType</c>).</summary>
internal enum TextKind
{
    Any,
    Email,
    Phone,
}

/// <summary>How a time is written (form-js <c>timeSerializingFormat</c>).</summary>
internal enum TimeFormat
{
    /// <summary>With the offset the person's browser had: <c>09:30+08:00</c> (form-js default).</summary>
    UtcOffset,

    /// <summary>Converted to UTC: <c>01:30Z</c>.</summary>
    UtcNormalized,

    /// <summary>Wall-clock, no zone: <c>09:30</c>.</summary>
    NoTimezone,
}

/// <summary>One option: its JSON value and the label shown for it.</summary>
internal sealed record OptionValue(System.Text.Json.Nodes.JsonNode Value, string Text, string Label);
