namespace FourDuty.Engine.Expressions;

/// <summary>The sandbox limits for expressions and scripts.</summary>
public sealed class ExpressionOptions
{
    /// <summary>Longest an expression or script may run (default 1 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most statements a script may execute (default 100,000).</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Most memory a script may allocate, in bytes (default 16 MB).</summary>
    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest call recursion (default 64).</summary>
    public int MaxRecursion { get; set; } = 64;
}
