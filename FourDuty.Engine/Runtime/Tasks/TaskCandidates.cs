namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>Candidate users and groups are stored comma-separated, as Camunda writes them in the model.</summary>
internal static class TaskCandidates
{
    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool Contains(string? list, string candidate) => Split(list).Contains(candidate, StringComparer.Ordinal);
}
