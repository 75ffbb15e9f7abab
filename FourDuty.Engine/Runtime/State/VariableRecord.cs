namespace FourDuty.Engine.Runtime.State;

/// <summary>A variable of a scope, stored as JSON with its type.</summary>
public sealed class VariableRecord
{
    /// <summary>The variable row id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The scope that owns the variable.</summary>
    public Guid ScopeId { get; set; }

    /// <summary>The variable name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The JSON type of the value.</summary>
    public VariableType Type { get; set; }

    /// <summary>The value as JSON text (a date as an ISO 8601 string).</summary>
    public string Json { get; set; } = "null";
}

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
