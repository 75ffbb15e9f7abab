using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>One field of a form that holds a value: what a task page needs to show it and what the validator checks.</summary>
/// <remarks>
/// Layout components (text, html, spacer, separator, image, button …) hold no value and are not fields. Groups are not
/// fields either: a group's fields appear in <see cref="FormSchema.Fields"/> with the group's <c>path</c> in their
/// <see cref="Key"/>. A dynamic list is one field of type <see cref="FormFieldType.DynamicList"/>, whose
/// <see cref="Fields"/> describe one entry. Instances are immutable and shared.
/// </remarks>
public sealed class FormField
{
    private readonly JsonNode? _defaultValue;

    internal FormField(FormFieldType type, string key, string label, FieldRules rules, JsonNode? defaultValue)
    {
        Type = type;
        Key = key;
        Label = label;
        Rules = rules;
        _defaultValue = defaultValue;
    }

    /// <summary>
    /// Where the value sits in the submitted data, as a dot-separated path (<c>address.street</c>): the component's
    /// <c>key</c> (or a dynamic list's <c>path</c>) under the paths of its groups. For the fields of a dynamic list
    /// entry, the path inside the entry.
    /// </summary>
    public string Key { get; }

    /// <summary>What the field holds.</summary>
    public FormFieldType Type { get; }

    /// <summary>The label shown above the field (for date and time fields, the date or time label); the key when it has none.</summary>
    public string Label { get; }

    /// <summary>The component's <c>id</c> in the form file, when it has one.</summary>
    public string? ComponentId { get; internal init; }

    /// <summary>The help text shown below the field, if any.</summary>
    public string? Description { get; internal init; }

    /// <summary>True when the form marks the field required (<c>validate.required</c>).</summary>
    /// <remarks>
    /// The validator enforces it except when the field, or a group around it, is hidden by a condition
    /// (<c>conditional.hide</c>): the server cannot evaluate FEEL, so it cannot know whether the field was shown.
    /// </remarks>
    public bool Required { get; internal init; }

    /// <summary>True when the field shows a value that the person cannot change (<c>readonly: true</c>).</summary>
    public bool ReadOnly { get; internal init; }

    /// <summary>True when the field is disabled: shown, not changed, and not submitted (<c>disabled: true</c>).</summary>
    public bool Disabled { get; internal init; }

    /// <summary>The value the field starts with when the task's variables have none (already in the field's type), or null.</summary>
    /// <remarks>Each read returns a fresh copy, so callers may change it.</remarks>
    public JsonNode? DefaultValue => _defaultValue?.DeepClone();

    /// <summary>The fixed choices of a select, radio, checklist or taglist field; empty for other fields and for options taken from variables.</summary>
    public IReadOnlyList<FormOption> Options { get; internal init; } = [];

    /// <summary>
    /// For a choice field whose options come from the task's variables (<c>valuesKey</c>), the variable that holds
    /// them (a list of <c>{ label, value }</c> objects or of plain values); otherwise null.
    /// </summary>
    public string? OptionsKey { get; internal init; }

    /// <summary>For a dynamic list, the fields of one entry, keyed inside the entry; otherwise empty.</summary>
    public IReadOnlyList<FormField> Fields { get; internal init; } = [];

    /// <summary>The fewest characters a text may have (<c>validate.minLength</c>), or null.</summary>
    public int? MinLength => Rules.MinLength;

    /// <summary>The most characters a text may have (<c>validate.maxLength</c>), or null.</summary>
    public int? MaxLength => Rules.MaxLength;

    /// <summary>The smallest number allowed (<c>validate.min</c>), or null.</summary>
    public decimal? Min => Rules.Min;

    /// <summary>The largest number allowed (<c>validate.max</c>), or null.</summary>
    public decimal? Max => Rules.Max;

    internal FieldRules Rules { get; }

    internal JsonNode? DefaultNode => _defaultValue;
}
