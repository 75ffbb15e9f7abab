using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;

namespace FourDuty.Host.Commands;

/// <summary>
/// <c>validate FILE...</c>: parses and validates BPMN files as a deployment would (the engine's rules and the
/// service's own, e.g. a user task without an owner), prints every problem and a summary per file, and starts nothing
/// else (no web host, database or background jobs).
/// </summary>
/// <remarks>
/// Each problem is one line, <c>file:line element-id rule severity: message</c> (see <see cref="BpmnProblem.ToString"/>),
/// so editors and CI logs can jump to it. Exit codes: 0 when every file can be deployed (warnings allowed),
/// 1 when any file has errors or cannot be read, 2 when no file is given.
/// </remarks>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    /// <param name="files">The BPMN files, as the user named them.</param>
    /// <param name="output">Where the problems and summaries go.</param>
    /// <param name="rules">The service's deployment rules; null checks the engine's rules only.</param>
    public static int Run(IReadOnlyList<string> files, TextWriter output, ValidationRules? rules = null)
    {
        if (files.Count == 0)
        {
            output.WriteLine("Usage: FourDuty.Host validate FILE...");
            output.WriteLine("Checks BPMN files as a deployment would and prints every problem; exits 1 when any file has errors.");
            return Usage;
        }

        if (rules?.Problem is { } problem)
        {
            // Without the organisation the domain's rules cannot run: say so rather than call a model valid that deployment refuses.
            output.WriteLine($"The service's own rules cannot be checked: {problem}");
            return Invalid;
        }

        var parser = new BpmnParser();
        var failed = 0;
        foreach (var file in files)
        {
            if (!ValidateFile(parser, rules?.Rules ?? [], file, output))
            {
                failed++;
            }
        }

        if (files.Count > 1)
        {
            output.WriteLine(failed == 0
                ? $"All {files.Count} files are valid."
                : $"{failed} of {files.Count} files cannot be deployed.");
        }

        return failed == 0 ? Valid : Invalid;
    }

    private static bool ValidateFile(BpmnParser parser, IReadOnlyList<IDeploymentRule> rules, string file, TextWriter output)
    {
        var path = Locate(file);
        if (Directory.Exists(path))
        {
            output.WriteLine($"{file}: cannot be read: it is a folder; name the .bpmn files in it");
            return false;
        }

        string xml;
        try
        {
            xml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            output.WriteLine($"{file}: cannot be read: {Reason(exception)}");
            return false;
        }

        var result = parser.Parse(xml, file);
        // As DeployCommand does: each rule sees each executable process the engine could parse.
        var problems = result.Problems.Concat(
            from process in result.Model?.ExecutableProcesses ?? []
            from rule in rules
            from problem in rule.Check(process)
            select problem with { File = problem.File ?? file }).ToList();
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        output.WriteLine($"{file}: {Summary(errors, problems.Count - errors)}");
        return errors == 0;
    }

    // `dotnet run --project FourDuty.Host` starts the program in the project's folder, not in the one the user
    // typed the command in; the shell's PWD still names that one. So a relative path that is not found here is
    // looked up there too (a path that exists here wins, so a caller that sets the working folder gets it).
    private static string Locate(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file) || Directory.Exists(file)
            || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shellFolder)
        {
            return file;
        }

        var fromShell = Path.Combine(shellFolder, file);
        return File.Exists(fromShell) || Directory.Exists(fromShell) ? fromShell : file;
    }

    private static string Summary(int errors, int warnings)
    {
        var warningText = warnings == 0 ? "" : Count(warnings, "warning");
        if (errors == 0)
        {
            return warnings == 0 ? "valid" : $"valid, {warningText}";
        }

        return warnings == 0 ? Count(errors, "error") : $"{Count(errors, "error")}, {warningText}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Reason(Exception exception) =>
        exception is FileNotFoundException or DirectoryNotFoundException ? "no such file" : exception.Message;
}
