using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// PostgreSQL's own commit rate on the same cluster: <c>pgbench -N</c> (the TPC-B-like script without the contended
/// branch and teller updates: three writes and a read per transaction) on a database of its own.
/// </summary>
internal static partial class Pgbench
{
    /// <summary>The pgbench of the newest installed PostgreSQL, or null.</summary>
    public static string? Find() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists)
            : null;

    /// <summary>Initialises and runs pgbench; the TPS is null when it failed (the output says why).</summary>
    public static (double? Tps, string Command, string Output) Run(string pgbench, NpgsqlConnectionStringBuilder database, int scale, int clients, int seconds)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = database.Host ?? "localhost",
            ["PGPORT"] = database.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = database.Username ?? Environment.UserName,
            ["PGDATABASE"] = database.Database!,
        };
        if (database.Password is { } password)
        {
            environment["PGPASSWORD"] = password;
        }

        var init = ExternalProgram.Run(pgbench, ["-i", "-q", "-s", S(scale)], ".", TimeSpan.FromMinutes(10), environment);
        if (init.ExitCode != 0)
        {
            return (null, $"{pgbench} -i -q -s {scale}", init.Output);
        }

        string[] arguments = ["-N", "-c", S(clients), "-j", S(Math.Min(clients, Environment.ProcessorCount)), "-T", S(seconds)];
        var run = ExternalProgram.Run(pgbench, arguments, ".", TimeSpan.FromSeconds(seconds + 300), environment);
        var command = $"{pgbench} -i -q -s {scale}; {pgbench} {string.Join(' ', arguments)}";
        var tps = Tps().Match(run.Output);
        return (run.ExitCode == 0 && tps.Success ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) : null, command, run.Output);
    }

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9]+(?:\.[0-9]+)?) \(without initial connection time\)")]
    private static partial Regex Tps();
}
