namespace FourDuty.Tests.Workflows.Models;

/// <summary>Files of the repository as committed (the models, the policy map) and the policy beside it (<c>../shared/policy</c>).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root: the nearest folder above the test program that holds <c>FourDuty.sln</c>.</summary>
    public static string Root { get; } = FindUp("FourDuty.sln") ?? throw new InvalidOperationException("FourDuty.sln not found above " + AppContext.BaseDirectory);

    public static string Workflows => Path.Combine(Root, "workflows");

    /// <summary>The four process models.</summary>
    public static IReadOnlyList<string> Models => Directory.GetFiles(Workflows, "*.bpmn").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// <c>../shared/policy/articles.md</c>: the repository's sibling <c>shared</c> folder, looked up from the repository's root
    /// upwards (a worktree sits one level deeper than the main checkout).
    /// </summary>
    public static string PolicyArticles =>
        FindUp(Path.Combine("shared", "policy", "articles.md"), Root)
        ?? throw new InvalidOperationException($"../shared/policy/articles.md was not found above {Root}; the policy map is checked against it.");

    private static string? FindUp(string relative, string? from = null)
    {
        for (var folder = new DirectoryInfo(from ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return relative.EndsWith(".sln", StringComparison.Ordinal) ? folder.FullName : candidate;
            }
        }

        return null;
    }
}
