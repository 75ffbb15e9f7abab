namespace FourDuty.Engine.Variables;

/// <summary>The types a variable can have.</summary>
public enum VariableType
{
    /// <summary>null.</summary>
    Null,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number (a double, as in JSON and JavaScript).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An instant, kept as an ISO 8601 string in UTC.</summary>
    Date,

    /// <summary>A JSON array.</summary>
    List,

    /// <summary>A JSON object.</summary>
    Object,
}
