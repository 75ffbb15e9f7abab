namespace FourDuty.Engine.Forms;

/// <summary>What kind of value a form field holds, and so what input a page shows for it.</summary>
public enum FormFieldType
{
    /// <summary>One line of text (<c>textfield</c>); a string.</summary>
    TextField,

    /// <summary>Several lines of text (<c>textarea</c>); a string.</summary>
    TextArea,

    /// <summary>A number (<c>number</c>); a JSON number, or a string when the field has <c>serializeToString</c>.</summary>
    Number,

    /// <summary>A checkbox (<c>checkbox</c>); true or false.</summary>
    Checkbox,

    /// <summary>Several choices as checkboxes (<c>checklist</c>); a list of option values.</summary>
    Checklist,

    /// <summary>One choice as radio buttons (<c>radio</c>); an option value.</summary>
    Radio,

    /// <summary>One choice from a drop-down (<c>select</c>); an option value.</summary>
    Select,

    /// <summary>Several choices as tags (<c>taglist</c>); a list of option values.</summary>
    TagList,

    /// <summary>A calendar date (<c>datetime</c>, subtype <c>date</c>); an ISO 8601 string such as <c>2026-05-01</c>.</summary>
    Date,

    /// <summary>A time of day (<c>datetime</c>, subtype <c>time</c>); an ISO 8601 string such as <c>09:30+08:00</c>.</summary>
    Time,

    /// <summary>A date and time (<c>datetime</c>, subtype <c>datetime</c>); an ISO 8601 string such as <c>2026-05-01T09:30+08:00</c>.</summary>
    DateTime,

    /// <summary>A repeated group of fields (<c>dynamiclist</c>); a list of objects, one per entry, described by <see cref="FormField.Fields"/>.</summary>
    DynamicList,
}
