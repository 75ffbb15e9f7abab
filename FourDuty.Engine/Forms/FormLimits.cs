namespace FourDuty.Engine.Forms;

/// <summary>
/// Bounds on what the form parser reads and the validator checks, so a hostile form or submission fails fast
/// instead of exhausting the host.
/// </summary>
public sealed class FormLimits
{
    /// <summary>Largest form file, in characters (default 1,000,000; real forms stay under 100,000).</summary>
    public int MaxCharacters { get; set; } = 1_000_000;

    /// <summary>Deepest JSON nesting of a form file (default 64; real forms stay under 20).</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Most components in a form, nested ones included (default 2,000).</summary>
    public int MaxComponents { get; set; } = 2_000;

    /// <summary>Longest text accepted for a field without a lower <c>maxLength</c> (default 100,000 characters).</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Most entries accepted in one dynamic list (default 1,000).</summary>
    public int MaxListItems { get; set; } = 1_000;

    /// <summary>How long one <c>validate.pattern</c> may run on one value before the value is refused (default 100 ms).</summary>
    public TimeSpan PatternTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long all pattern checks of one submission may run together (default 1 s); past it, the remaining
    /// pattern checks are refused with <see cref="FormCodes.PatternTimeout"/> without running.
    /// </summary>
    public TimeSpan PatternBudget { get; set; } = TimeSpan.FromSeconds(1);
}
