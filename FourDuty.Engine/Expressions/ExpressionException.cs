namespace FourDuty.Engine.Expressions;

/// <summary>An expression failed while evaluating: an unknown variable, a runtime error, or a sandbox limit.</summary>
public sealed class ExpressionException(string expression, string reason, Exception? inner = null)
    : Exception($"Expression '{expression}' failed: {reason}", inner)
{
    /// <summary>The expression as written in the model.</summary>
    public string Expression { get; } = expression;

    /// <summary>Why it failed.</summary>
    public string Reason { get; } = reason;
}
