using FourDuty.Engine.Variables;

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
