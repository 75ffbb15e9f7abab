namespace FourDuty.Engine.Expressions;

/// <summary>The sandbox limits for expressions and scripts.</summary>
/// <remarks>
/// Every limit ends the evaluation with an <see cref="ExpressionException"/> that names it; the engine turns that into
/// an incident on the element. Decision 0016 says which attacks each limit answers.
/// </remarks>
public sealed class ExpressionOptions
{
    /// <summary>Longest an expression or script may run, regular expressions included (default 1 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most statements a script may execute (default 100,000).</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Most memory a script may allocate, in bytes (default 16 MB).</summary>
    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest call recursion (default 64).</summary>
    public int MaxRecursion { get; set; } = 64;

    /// <summary>
    /// Longest string a built-in may make in one call (<c>repeat</c>, <c>padStart</c>, <c>padEnd</c>, <c>concat</c>,
    /// <c>replace</c>, <c>replaceAll</c>, <c>JSON.stringify</c>), in characters (default 4,194,304: 8 MB).
    /// </summary>
    /// <remarks>Such a call allocates its whole result at once, before the memory limit is next checked.</remarks>
    public int MaxStringLength { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most elements of one array (default 1,000,000).</summary>
    public int MaxArrayLength { get; set; } = 1_000_000;
}
