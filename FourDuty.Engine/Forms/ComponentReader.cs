using System.Text.Json;
using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>Reads one value component (textfield, number, select, datetime …) into a <see cref="FormField"/>, reporting every problem.</summary>
internal static class ComponentReader
{
    public static FormFieldType? FieldType(string type, JsonObject component) => type switch
    {
        "textfield" => FormFieldType.TextField,
        "textarea" => FormFieldType.TextArea,
        "number" => FormFieldType.Number,
        "checkbox" => FormFieldType.Checkbox,
        "checklist" => FormFieldType.Checklist,
        "radio" => FormFieldType.Radio,
        "select" => FormFieldType.Select,
        "taglist" => FormFieldType.TagList,
        "datetime" => JsonValues.StringOrNull(component["subtype"]) switch
        {
            "time" => FormFieldType.Time,
            "datetime" => FormFieldType.DateTime,
            _ => FormFieldType.Date,
        },
        _ => null,
    };

    /// <param name="component">The component object.</param>
    /// <param name="fieldType">What it holds.</param>
    /// <param name="path">Its JSON path.</param>
    /// <param name="key">Its validated key.</param>
    /// <param name="dataKey">Its key under the paths of its groups, for <see cref="FormField.Key"/>.</param>
    /// <param name="conditional">True when it or a container around it is hidden by a condition.</param>
    /// <param name="context">Where problems go.</param>
    public static FormField Read(JsonObject component, FormFieldType fieldType, string path, string key, string dataKey, bool conditional,
        FormParseContext context)
    {
        var id = JsonValues.StringOrNull(component["id"]);
        var reader = new ComponentProperties(component, path, id, LabelOf(component, fieldType, key), context);
        var validate = reader.Object("validate");
        var required = validate is not null && reader.Bool(validate, "validate.required");
        conditional |= reader.HasCondition(component);
        if (required && conditional)
        {
            reader.NotEnforced($"'{reader.Label}' is required but hidden by a condition; the server cannot evaluate FEEL, "
                + "so it accepts the field left out and the browser alone asks for it.");
        }

        var isText = fieldType is FormFieldType.TextField or FormFieldType.TextArea;
        var isChoice = fieldType is FormFieldType.Select or FormFieldType.Radio or FormFieldType.Checklist or FormFieldType.TagList;
        var (options, optionsKey, optionsUnchecked) = isChoice ? reader.Options() : ([], null, false);
        var patternText = isText && validate is not null ? reader.PatternText(validate) : null;
        var pattern = patternText is null ? null : reader.CompilePattern(patternText);
        var rules = new FieldRules
        {
            RequiredEnforced = required && !conditional,
            MinLength = isText && validate is not null ? reader.Integer(validate, "validate.minLength") : null,
            MaxLength = isText && validate is not null ? reader.Integer(validate, "validate.maxLength") : null,
            Pattern = pattern,
            PatternText = pattern is null ? null : patternText,
            TextKind = isText && validate is not null ? reader.TextKind(validate) : TextKind.Any,
            Min = fieldType == FormFieldType.Number && validate is not null ? reader.Number(validate, "validate.min") : null,
            Max = fieldType == FormFieldType.Number && validate is not null ? reader.Number(validate, "validate.max") : null,
            DecimalDigits = fieldType == FormFieldType.Number ? reader.Integer(component, "decimalDigits") : null,
            Increment = fieldType == FormFieldType.Number ? reader.Increment() : null,
            NumberAsString = fieldType == FormFieldType.Number && reader.Bool(component, "serializeToString"),
            TimeFormat = fieldType is FormFieldType.Time or FormFieldType.DateTime ? reader.TimeFormat() : TimeFormat.UtcOffset,
            Options = options,
            OptionsUnchecked = optionsUnchecked,
        };
        if (fieldType is FormFieldType.Date or FormFieldType.DateTime && reader.Bool(component, "disallowPassedDates"))
        {
            reader.NotEnforced($"'{reader.Label}' refuses past dates in the browser; the server does not check it, "
                + "because 'past' depends on the person's time zone.");
        }

        var field = new FormField(fieldType, dataKey, reader.Label, rules, null);
        var defaultValue = reader.DefaultValue(field, optionsKey is null ? options : null);
        return new FormField(fieldType, dataKey, reader.Label, rules, defaultValue)
        {
            ComponentId = id,
            Description = reader.Text(component, "description"),
            Required = required,
            ReadOnly = reader.Flag("readonly"),
            Disabled = reader.Flag("disabled"),
            Options = options.Select(o => new FormOption(o.Text, o.Label)).ToList(),
            OptionsKey = optionsKey,
        };
    }

    /// <summary>The label a person sees: the date or time label for date and time fields; the key when there is none or it is an expression.</summary>
    public static string LabelOf(JsonObject component, FormFieldType? type, string fallback)
    {
        var candidates = type switch
        {
            FormFieldType.Date => ["dateLabel", "label"],
            FormFieldType.Time => ["timeLabel", "label"],
            FormFieldType.DateTime => ["dateLabel", "label", "timeLabel"],
            _ => new[] { "label" },
        };
        foreach (var name in candidates)
        {
            var label = JsonValues.StringOrNull(component[name])?.Trim();
            if (!string.IsNullOrEmpty(label) && !label.StartsWith('='))
            {
                return label;
            }
        }

        return fallback;
    }
}
