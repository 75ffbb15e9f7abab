namespace FourDuty.Engine.Forms;

/// <summary>
/// A user task form: a form-js (bpmn.io) form as the form editor saves it (a <c>.form</c> file, named by a user
/// task's <c>camunda:formKey</c>), read into the fields it holds and the checks each one carries.
/// </summary>
/// <remarks>
/// Immutable and thread-safe once parsed: parse a deployed form once and share it. The browser renders the form
/// from its JSON with form-js; <see cref="Fields"/> is what the server needs (labels for messages, types, options,
/// defaults), and <see cref="FormValidator.Validate"/> checks a submission against it.
/// </remarks>
public sealed class FormSchema
{
    internal FormSchema(string? id, int? schemaVersion, ObjectNode root, IReadOnlyList<FormField> fields, FormLimits limits)
    {
        Id = id;
        SchemaVersion = schemaVersion;
        Root = root;
        Fields = fields;
        Limits = limits;
    }

    /// <summary>The form's <c>id</c>, as the form editor wrote it, if any.</summary>
    public string? Id { get; }

    /// <summary>The form's <c>schemaVersion</c>, if it has a whole-number one.</summary>
    public int? SchemaVersion { get; }

    /// <summary>
    /// Every field that holds a value, in document order, with groups dissolved into their fields' keys; a dynamic
    /// list is one field whose <see cref="FormField.Fields"/> describe an entry.
    /// </summary>
    public IReadOnlyList<FormField> Fields { get; }

    internal ObjectNode Root { get; }

    internal FormLimits Limits { get; }

    /// <summary>Reads a form-js form.</summary>
    /// <param name="json">The <c>.form</c> file's content.</param>
    /// <param name="limits">Bounds on size, nesting, components and pattern time; the defaults suit real forms.</param>
    /// <returns>The schema when the form is usable, and every problem found, each with a stable code and its JSON path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <remarks>
    /// Never throws for bad input: text that is not JSON, that is too large or too deep, components without keys,
    /// clashing keys, patterns that are not regular expressions, and unsupported types (<c>expression</c>,
    /// <c>filepicker</c>) are errors; unknown component types and rules only the browser can apply (FEEL
    /// expressions, conditions) are warnings.
    /// </remarks>
    public static FormParseResult Parse(string json, FormLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new FormParseContext(Snapshot(limits ?? new FormLimits()));
        var root = JsonSyntax.Parse(json, context.Limits, context.Problems);
        var schema = root is null ? null : FormReader.Read(root, context);
        return new FormParseResult(schema, context.Problems);
    }

    /// <summary>A private copy, so that changing the caller's limits later does not change a parsed schema.</summary>
    private static FormLimits Snapshot(FormLimits limits) => new()
    {
        MaxCharacters = limits.MaxCharacters,
        MaxDepth = limits.MaxDepth,
        MaxComponents = limits.MaxComponents,
        MaxTextLength = limits.MaxTextLength,
        MaxListItems = limits.MaxListItems,
        PatternTimeout = limits.PatternTimeout,
        PatternBudget = limits.PatternBudget,
    };
}
