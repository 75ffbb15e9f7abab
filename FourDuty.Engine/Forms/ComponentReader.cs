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
        var reader = new PropertyReader(component, path, id, LabelOf(component, fieldType, key), context);
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

    /// <summary>Reads the component's properties with the kinds form-js gives them, reporting each misfit.</summary>
    private sealed class PropertyReader(JsonObject component, string path, string? id, string label, FormParseContext context)
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

        public System.Text.RegularExpressions.Regex? CompilePattern(string pattern)
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
}
