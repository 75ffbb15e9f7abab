using System.Diagnostics;
using System.Text;

namespace FourDuty.Bench;

/// <summary>Runs another program (node, npm, pgbench) and collects what it printed.</summary>
internal static class ExternalProgram
{
    /// <summary>The exit code and the output (standard output, then standard error); -1 when it could not be started or timed out.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (-1, $"{file} could not be started: {exception.Message}");
        }

        using (process)
        {
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, $"{file} did not finish within {timeout.TotalSeconds:0} s and was stopped.\n{stdout}{stderr}");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.ToString() + stderr);
        }
    }

    /// <summary>The repository's root (the folder with FourDuty.sln) above the program, or null when run elsewhere.</summary>
    public static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FourDuty.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
