namespace FourDuty.Workflows.Seeds;

/// <summary>Builds the message of a seed file that is refused: the file, the line, the field and the reason, as one line an operator can act on.</summary>
internal static class SeedProblem
{
    /// <summary><c>seeds/organization.json line 41 ($.subjects[2].owner): 'x' is not in people.</c></summary>
    public static InvalidDataException At(string file, JsonLineMap lines, string path, string reason) =>
        new($"{file} line {lines.LineOf(path)} ({path}): {reason}");
}
