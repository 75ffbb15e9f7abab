namespace FourDuty.Workflows.Seeds;

/// <summary>Which version of a seed file the database holds: a start that finds the same hash changes nothing.</summary>
public sealed class SeedFile
{
    /// <summary>The seed, e.g. <c>organization</c>, <c>calendar</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 of the file last applied.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>When it was applied.</summary>
    public DateTimeOffset AppliedAt { get; set; }
}
