using System.Globalization;
using System.Text.RegularExpressions;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Runs the npm <c>bpmn-engine</c> peer exactly as its README says: the peer folder copied to a working folder,
/// <c>npm install bpmn-engine@25.0.1</c> there (kept between runs under <c>bench/peer-cache/</c>, which git ignores),
/// then <c>node bpmn-engine-bench.js N BATCH</c>. The peer's code stays in the shared folder; only its copy runs.
/// </summary>
internal static partial class NpmPeer
{
    public const string Package = "bpmn-engine@25.0.1";

    private const string Script = "bpmn-engine-bench.js";

    /// <summary>Installs (once) and runs the peer; the figure is null when node or npm is missing or the run failed.</summary>
    public static PeerRun Run(string peerFolder, int instances, int batch, TextWriter log)
    {
        if (ExternalProgram.Run("node", ["--version"], ".", TimeSpan.FromSeconds(30)) is not (0, var nodeVersion))
        {
            return new PeerRun(null, "node is not installed: the peer was not run", "");
        }

        var folder = WorkingFolder();
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(peerFolder))
        {
            var target = Path.Combine(folder, Path.GetFileName(file));
            File.Delete(target); // the shared copy is read-only, and so would be the old copy
            File.Copy(file, target);
        }

        if (!File.Exists(Path.Combine(folder, "node_modules", "bpmn-engine", "package.json")))
        {
            log.WriteLine($"peer     installing {Package} in {folder} (once; later runs reuse it)");
            log.Flush();
            var init = ExternalProgram.Run("npm", ["init", "-y"], folder, TimeSpan.FromMinutes(1));
            var install = init.ExitCode == 0
                ? ExternalProgram.Run("npm", ["install", Package, "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(10))
                : init;
            if (install.ExitCode != 0)
            {
                return new PeerRun(null, $"npm install {Package} failed: {Last(install.Output)}", nodeVersion.Trim());
            }
        }

        var run = ExternalProgram.Run("node", [Script, instances.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture)],
            folder, TimeSpan.FromMinutes(30));
        var figure = Figure().Match(run.Output);
        return run.ExitCode == 0 && figure.Success
            ? new PeerRun(double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture), run.Output.Trim(), nodeVersion.Trim())
            : new PeerRun(null, $"the peer failed (exit {run.ExitCode}): {Last(run.Output)}", nodeVersion.Trim());
    }

    private static string WorkingFolder() =>
        ExternalProgram.RepositoryRoot() is { } root
            ? Path.Combine(root, "bench", "peer-cache")
            : Path.Combine(Path.GetTempPath(), "fourduty-peer-cache");

    private static string Last(string output) => output.Length <= 600 ? output.Trim() : "..." + output[^600..].Trim();

    [GeneratedRegex(@"=\s*([0-9]+(?:\.[0-9]+)?)\s*instances/s")]
    private static partial Regex Figure();
}

/// <summary>The peer's instances per second (null when it did not run), what it printed, and the node version.</summary>
internal sealed record PeerRun(double? PerSecond, string Output, string NodeVersion);
