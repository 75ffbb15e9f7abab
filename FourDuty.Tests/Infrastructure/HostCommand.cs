using System.Diagnostics;

namespace FourDuty.Tests.Infrastructure;

/// <summary>What a command of the Host printed and how it exited.</summary>
internal sealed record HostCommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output split into lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

/// <summary>
/// Runs the Host built next to the tests as a command-line tool (<c>dotnet FourDuty.Host.dll ARGS</c>), the
/// way a user or a CI script runs it, and captures what it prints.
/// </summary>
internal static class HostCommand
{
    /// <summary>Runs the Host with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and waits for it to exit.</summary>
    /// <param name="workingDirectory">The process's working folder.</param>
    /// <param name="arguments">The command line after the program.</param>
    /// <param name="environment">Extra environment variables, e.g. <c>PWD</c> as a shell sets it.</param>
    /// <param name="timeout">How long to wait (default one minute).</param>
    /// <exception cref="TimeoutException">The process did not exit in time; it is killed.</exception>
    public static async Task<HostCommandResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FourDuty.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"FourDuty.Host {string.Join(' ', arguments)} did not exit within {limit}.");
        }

        return new HostCommandResult(process.ExitCode, await output, await error);
    }
}
