namespace FourDuty.Host.TestRuns;

/// <summary>Section <c>TestRuns</c>: how many test-runs are kept in memory at once, and for how long unused.</summary>
internal sealed class TestRunOptions
{
    public const string Section = "TestRuns";

    /// <summary>At most this many at once; creating one more first drops the expired ones, then refuses (429).</summary>
    public int MaxRuns { get; set; } = 8;

    /// <summary>A test-run nobody touched for this long is dropped with everything in it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
