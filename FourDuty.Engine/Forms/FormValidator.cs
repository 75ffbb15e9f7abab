using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>Checks what a person submitted for a user task form, before the task is completed with it.</summary>
public static class FormValidator
{
    /// <summary>Checks a submission against a form and returns the variables to store, or every invalid field at once.</summary>
    /// <param name="schema">The task's form.</param>
    /// <param name="submission">
    /// The submitted data, shaped as form-js submits it: field keys (dotted keys and group paths as nested objects,
    /// dynamic lists as lists of objects) with JSON values. Numbers, booleans and dates may also come as strings
    /// (from a plain HTML form), and are converted.
    /// </param>
    /// <param name="inputData">
    /// The task's variables as the form was filled with them (optional but recommended): read-only and disabled
    /// fields must come back as these values, and choice fields with options from a variable (<c>valuesKey</c>) are
    /// checked against that variable. Without it, read-only fields are compared with their defaults and options from
    /// variables are not checked.
    /// </param>
    /// <returns>The cleaned variables when every field is valid; otherwise one <see cref="FormFieldError"/> per broken rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="submission"/> is null.</exception>
    /// <remarks>
    /// <para>Keys the form does not declare are refused (<see cref="FormCodes.UnknownField"/>), never dropped in
    /// silence: a client that sends them is broken or probing, and a variable the designer did not put on the form
    /// must not be set through it.</para>
    /// <para>A missing optional field is not stored; an empty one stores its empty value. Text is checked as form-js
    /// checks it (lengths after trimming; the pattern unanchored, with a timeout); numbers are stored as JSON numbers
    /// (as strings with <c>serializeToString</c>); dates and times as ISO 8601 strings in the field's
    /// <c>timeSerializingFormat</c>. Fields hidden by a condition are not required (the server cannot evaluate FEEL).</para>
    /// <para>Thread-safe; never throws for bad submissions (a submission parsed without refusing repeated names gets
    /// <see cref="FormCodes.DuplicateKey"/>; parse with <c>JsonDocumentOptions.AllowDuplicateProperties = false</c> to
    /// answer it earlier). Time is bounded by <see cref="FormLimits"/>.</para>
    /// </remarks>
    public static FormValidationResult Validate(FormSchema schema, JsonObject submission, JsonObject? inputData = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(submission);
        var run = new ValidationRun(schema.Limits, inputData);
        var output = new JsonObject();
        if (Readable(submission, "", run))
        {
            ValidateObject(schema.Root, submission, inputData, "", output, run);
        }

        if (run.Errors.Count > 0)
        {
            return new FormValidationResult(new Dictionary<string, JsonNode?>(), run.Errors);
        }

        var entries = output.ToList();
        output.Clear();
        return new FormValidationResult(entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), []);
    }

    /// <summary>
    /// A <see cref="JsonObject"/> parsed from text that repeats a name throws when first read. Such objects are
    /// found first, so that the answer is an error naming the place, not an exception from deep inside.
    /// </summary>
    private static bool Readable(JsonNode? node, string key, ValidationRun run)
    {
        switch (node)
        {
            case JsonObject obj:
                List<KeyValuePair<string, JsonNode?>> entries;
                try
                {
                    entries = [.. obj];
                }
                catch (ArgumentException)
                {
                    run.Fail(key, key, FormCodes.DuplicateKey,
                        $"The submission names the same field twice{(key.Length == 0 ? "" : $" in '{key}'")}; send each field once.");
                    return false;
                }

                var readable = true;
                foreach (var (name, child) in entries)
                {
                    readable &= Readable(child, FormKeys.Join(key, name), run);
                }

                return readable;

            case JsonArray array:
                var all = true;
                for (var i = 0; i < array.Count; i++)
                {
                    all &= Readable(array[i], $"{key}[{i}]", run);
                }

                return all;

            default:
                return true;
        }
    }

    private static void ValidateObject(ObjectNode node, JsonObject? submitted, JsonObject? input, string prefix, JsonObject output, ValidationRun run)
    {
        foreach (var (name, _) in submitted ?? [])
        {
            if (!node.Contains(name))
            {
                var key = FormKeys.Join(prefix, name);
                run.Fail(key, key, FormCodes.UnknownField,
                    $"'{JsonValues.Shorten(key)}' is not a field of this form; remove it from the submission.");
            }
        }

        foreach (var child in node.Children)
        {
            var key = FormKeys.Join(prefix, child.Name);
            JsonNode? value = null;
            var present = submitted is not null && submitted.TryGetPropertyValue(child.Name, out value);
            JsonNode? inputValue = null;
            var inputHasValue = input is not null && input.TryGetPropertyValue(child.Name, out inputValue) && inputValue is not null;
            switch (child)
            {
                case ValueNode field:
                    if (FieldValidation.Validate(field.Field, present, value, inputValue, inputHasValue, key, run, out var stored))
                    {
                        output[child.Name] = stored;
                    }

                    break;

                case ObjectNode group:
                    if (value is not null and not JsonObject)
                    {
                        run.Fail(key, key, FormCodes.Type, $"'{key}' must be an object holding its fields; given {JsonValues.Echo(value)}.");
                        break;
                    }

                    var inner = new JsonObject();
                    ValidateObject(group, value as JsonObject, inputValue as JsonObject, key, inner, run);
                    if (inner.Count > 0)
                    {
                        output[child.Name] = inner;
                    }

                    break;

                case ListNode list:
                    ValidateList(list, value, inputValue as JsonArray, key, output, run);
                    break;
            }
        }
    }

    private static void ValidateList(ListNode list, JsonNode? value, JsonArray? input, string key, JsonObject output, ValidationRun run)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonArray entries)
        {
            run.Fail(key, list.Label, FormCodes.Type, $"'{list.Label}' must be a list of entries; given {JsonValues.Echo(value)}.");
            return;
        }

        if (entries.Count > run.Limits.MaxListItems)
        {
            run.Fail(key, list.Label, FormCodes.TooManyItems,
                $"'{list.Label}' may have at most {run.Limits.MaxListItems:N0} entries; given {entries.Count:N0}.");
            return;
        }

        var stored = new JsonArray();
        for (var i = 0; i < entries.Count; i++)
        {
            var entryKey = $"{key}[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                run.Fail(entryKey, list.Label, FormCodes.Type,
                    $"Entry {i + 1} of '{list.Label}' must be an object holding the entry's fields; given {JsonValues.Echo(entries[i])}.");
                continue;
            }

            var inner = new JsonObject();
            ValidateObject(list.Item, entry, input is not null && i < input.Count ? input[i] as JsonObject : null, entryKey, inner, run);
            stored.Add(inner);
        }

        output[list.Name] = stored;
    }
}
