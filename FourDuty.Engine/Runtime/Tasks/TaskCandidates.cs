namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>Candidate users and groups are stored comma-separated, as Camunda writes them in the model.</summary>
public static class TaskCandidates
{
    /// <summary>The names in a comma-separated list, trimmed, without blanks.</summary>
    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the list holds the name.</summary>
    public static bool Contains(string? list, string candidate) => Split(list).Contains(candidate, StringComparer.Ordinal);
}
