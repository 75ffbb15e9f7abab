namespace FourDuty.Bench;

/// <summary>One benchmark, chosen by its name on the command line.</summary>
internal interface IScenario
{
    /// <summary>The word that selects it: <c>FourDuty.Bench NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The integer options it reads, with their defaults.</summary>
    IReadOnlyList<BenchOption> Options { get; }

    /// <summary>The text options it reads (a connection string, a path); none by default.</summary>
    IReadOnlyList<BenchTextOption> TextOptions => [];

    /// <summary>Runs the scenario and prints its figures.</summary>
    /// <returns>The process exit code: 0 when the run is sound.</returns>
    int Run(BenchOptions options, TextWriter output);
}

/// <summary>An integer option, <c>--name value</c>.</summary>
internal sealed record BenchOption(string Name, int Default, int Minimum, string Description);

/// <summary>A text option, <c>--name "value"</c>, absent unless given.</summary>
internal sealed record BenchTextOption(string Name, string Description);
