namespace FourDuty.Engine.Forms;

/// <summary>
/// The stable codes of every rule the form parser and validator apply. Tools, task pages and tests rely on them:
/// a page translates a <see cref="FormFieldError"/> by its code and the field's label, not by its English message.
/// </summary>
/// <remarks>
/// <c>FORM-SCHEMA-*</c> codes are problems of a form definition (a <c>.form</c> file), reported by
/// <see cref="FormSchema.Parse"/>; the other <c>FORM-*</c> codes are problems of one submission, reported by
/// <see cref="FormValidator.Validate"/>.
/// </remarks>
public static class FormCodes
{
    /// <summary>A required field is missing, empty or blank; a required checkbox is not checked; a required list has no choice.</summary>
    public const string Required = "FORM-REQUIRED";

    /// <summary>The value cannot be read as the field's type (text, number, true/false, one choice, a list, a date or time).</summary>
    public const string Type = "FORM-TYPE";

    /// <summary>Text shorter than <c>validate.minLength</c> (counted after trimming, as form-js counts).</summary>
    public const string MinLength = "FORM-MIN-LENGTH";

    /// <summary>Text longer than <c>validate.maxLength</c> (counted after trimming) or than <see cref="FormLimits.MaxTextLength"/>.</summary>
    public const string MaxLength = "FORM-MAX-LENGTH";

    /// <summary>Text that does not match <c>validate.pattern</c>.</summary>
    public const string Pattern = "FORM-PATTERN";

    /// <summary>The pattern could not be checked within <see cref="FormLimits.PatternTimeout"/>: the value is refused.</summary>
    public const string PatternTimeout = "FORM-PATTERN-TIMEOUT";

    /// <summary>Text that is not an email address (<c>validate.validationType</c> <c>email</c>).</summary>
    public const string Email = "FORM-EMAIL";

    /// <summary>Text that is not an international phone number (<c>validate.validationType</c> <c>phone</c>).</summary>
    public const string Phone = "FORM-PHONE";

    /// <summary>A number below <c>validate.min</c>.</summary>
    public const string Min = "FORM-MIN";

    /// <summary>A number above <c>validate.max</c>.</summary>
    public const string Max = "FORM-MAX";

    /// <summary>A number with more decimal places than the field's <c>decimalDigits</c>.</summary>
    public const string Decimals = "FORM-DECIMALS";

    /// <summary>A number that is not a multiple of the field's <c>increment</c>.</summary>
    public const string Increment = "FORM-INCREMENT";

    /// <summary>A value that is not among the field's options (select, radio, checklist, taglist).</summary>
    public const string Option = "FORM-OPTION";

    /// <summary>A submitted key that the form does not declare.</summary>
    public const string UnknownField = "FORM-UNKNOWN-FIELD";

    /// <summary>The submission names the same key twice in one object (JSON that was parsed without refusing duplicates).</summary>
    public const string DuplicateKey = "FORM-DUPLICATE-KEY";

    /// <summary>A read-only or disabled field submitted with a value other than the one it shows.</summary>
    public const string ReadOnly = "FORM-READONLY";

    /// <summary>A dynamic list with more entries than <see cref="FormLimits.MaxListItems"/>.</summary>
    public const string TooManyItems = "FORM-TOO-MANY-ITEMS";

    /// <summary>The form file is not JSON (syntax error, duplicate property name).</summary>
    public const string SchemaJson = "FORM-SCHEMA-JSON";

    /// <summary>The form file is larger than <see cref="FormLimits.MaxCharacters"/>.</summary>
    public const string SchemaTooLarge = "FORM-SCHEMA-TOO-LARGE";

    /// <summary>The form file nests deeper than <see cref="FormLimits.MaxDepth"/>.</summary>
    public const string SchemaTooDeep = "FORM-SCHEMA-TOO-DEEP";

    /// <summary>The form has more components than <see cref="FormLimits.MaxComponents"/>.</summary>
    public const string SchemaTooManyComponents = "FORM-SCHEMA-TOO-MANY-COMPONENTS";

    /// <summary>The JSON is not a form-js form: no top-level object with a <c>components</c> list.</summary>
    public const string SchemaNotAForm = "FORM-SCHEMA-NOT-A-FORM";

    /// <summary>A component property is missing or has a value of the wrong kind.</summary>
    public const string SchemaProperty = "FORM-SCHEMA-PROPERTY";

    /// <summary>A component's <c>key</c> or <c>path</c> is missing or is not a dot-separated name.</summary>
    public const string SchemaKey = "FORM-SCHEMA-KEY";

    /// <summary>Two components bind the same key, or one binds inside another's value.</summary>
    public const string SchemaKeyConflict = "FORM-SCHEMA-KEY-CONFLICT";

    /// <summary>A <c>validate.pattern</c> that is not a regular expression.</summary>
    public const string SchemaPattern = "FORM-SCHEMA-PATTERN";

    /// <summary>A component type the engine refuses (<c>expression</c>, <c>filepicker</c>).</summary>
    public const string SchemaUnsupported = "FORM-SCHEMA-UNSUPPORTED";

    /// <summary>Warning: a component type unknown to the engine; it is ignored and holds no value.</summary>
    public const string SchemaUnknownType = "FORM-SCHEMA-UNKNOWN-TYPE";

    /// <summary>Warning: a rule the browser applies but the server cannot (a FEEL expression, a condition, past dates).</summary>
    public const string SchemaNotEnforced = "FORM-SCHEMA-NOT-ENFORCED";

    /// <summary>Warning: a <c>defaultValue</c> that does not fit its field; the field starts empty instead.</summary>
    public const string SchemaDefault = "FORM-SCHEMA-DEFAULT";
}
