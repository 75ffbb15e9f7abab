using System.Text.Json;
using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>Checks one field's submitted value and decides what, if anything, is stored for it.</summary>
internal static class FieldValidation
{
    /// <param name="field">The field.</param>
    /// <param name="present">True when the submission has the key.</param>
    /// <param name="value">The submitted value (null for JSON null).</param>
    /// <param name="input">The task's current value for the field, when the caller gave the task's variables.</param>
    /// <param name="inputHasValue">True when the task's variables hold a value for the field.</param>
    /// <param name="key">The field's place in the submission, for errors.</param>
    /// <param name="run">Where errors go.</param>
    /// <param name="stored">The value to store.</param>
    /// <returns>True when <paramref name="stored"/> is to be stored.</returns>
    public static bool Validate(FormField field, bool present, JsonNode? value, JsonNode? input, bool inputHasValue, string key,
        ValidationRun run, out JsonNode? stored)
    {
        stored = null;
        if (field.ReadOnly || field.Disabled)
        {
            return Locked(field, present, value, inputHasValue ? input : field.DefaultNode, inputHasValue, key, run, out stored);
        }

        var required = field.Rules.RequiredEnforced;
        if (!present || IsBlank(value))
        {
            if (required)
            {
                run.Fail(key, field.Label, FormCodes.Required, field.Type switch
                {
                    FormFieldType.Checkbox => $"'{field.Label}' must be checked.",
                    FormFieldType.Checklist or FormFieldType.TagList => $"'{field.Label}' needs at least one choice.",
                    _ => $"'{field.Label}' is required.",
                });
                return false;
            }

            stored = present ? Empty(field, value) : null;
            return present;
        }

        if (!ValueCoercer.TryCoerce(field, value!, run.OptionsFor(field), out var coerced, out var failure))
        {
            run.Fail(key, field.Label, failure);
            return false;
        }

        switch (field.Type)
        {
            case FormFieldType.Checkbox when required && JsonValues.BoolOrNull(coerced.Node) == false:
                run.Fail(key, field.Label, FormCodes.Required, $"'{field.Label}' must be checked.");
                return false;
            case FormFieldType.TextField or FormFieldType.TextArea:
                FieldChecks.Text(field, coerced.Text!, key, run);
                break;
            case FormFieldType.Number:
                FieldChecks.Number(field, coerced.Number!.Value, key, run);
                break;
        }

        stored = coerced.Node;
        return true;
    }

    /// <summary>
    /// A read-only or disabled field shows a value the person cannot change: the task's variable, else the default.
    /// A submission may repeat it (form-js sends read-only fields) or leave it out (form-js strips disabled ones),
    /// but not change it. Nothing from the client is stored: a disabled field stores nothing, a read-only one stores
    /// its default only when the task's variables are known to lack it.
    /// </summary>
    private static bool Locked(FormField field, bool present, JsonNode? value, JsonNode? shown, bool inputHasValue, string key,
        ValidationRun run, out JsonNode? stored)
    {
        stored = null;
        if (present && !Same(field, value, shown, run))
        {
            run.Fail(key, field.Label, FormCodes.ReadOnly,
                $"'{field.Label}' is {(field.Disabled ? "disabled" : "read-only")} and cannot be changed; "
                + $"submit it unchanged or leave it out (given '{JsonValues.Echo(value)}').");
            return false;
        }

        if (field.ReadOnly && !field.Disabled && run.Input is not null && !inputHasValue && field.DefaultNode is not null)
        {
            stored = field.DefaultNode.DeepClone();
            return true;
        }

        return false;
    }

    /// <summary>Equal once both are in the field's type; blank equals blank (form-js sends <c>""</c>, <c>[]</c> or <c>false</c> for a field it shows empty).</summary>
    private static bool Same(FormField field, JsonNode? submitted, JsonNode? shown, ValidationRun run)
    {
        var submittedBlank = IsBlank(submitted) || (field.Type == FormFieldType.Checkbox && JsonValues.BoolOrNull(submitted) == false);
        var shownBlank = IsBlank(shown) || (field.Type == FormFieldType.Checkbox && JsonValues.BoolOrNull(shown) == false);
        if (submittedBlank || shownBlank)
        {
            return submittedBlank && shownBlank;
        }

        var options = run.OptionsFor(field);
        if (ValueCoercer.TryCoerce(field, submitted!, options, out var a, out _) && ValueCoercer.TryCoerce(field, shown!, options, out var b, out _))
        {
            return JsonNode.DeepEquals(a.Node, b.Node);
        }

        return JsonNode.DeepEquals(submitted, shown);
    }

    /// <summary>Missing, JSON null, blank text or an empty list.</summary>
    public static bool IsBlank(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue when JsonValues.KindOf(value) == JsonValueKind.Null => true,
        JsonValue when JsonValues.TryGetString(value, out var text) => string.IsNullOrWhiteSpace(text),
        _ => false,
    };

    /// <summary>What an optional field left empty stores: blank text as given, false for a checkbox, an empty list as given, else null.</summary>
    private static JsonNode? Empty(FormField field, JsonNode? value) => field.Type switch
    {
        FormFieldType.Checkbox => JsonValue.Create(false),
        FormFieldType.TextField or FormFieldType.TextArea when JsonValues.TryGetString(value, out var text) => JsonValue.Create(text),
        FormFieldType.Checklist or FormFieldType.TagList when value is JsonArray => new JsonArray(),
        _ => null,
    };
}
