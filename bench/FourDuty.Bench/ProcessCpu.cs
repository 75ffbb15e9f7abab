using System.Diagnostics;
using System.Globalization;

namespace FourDuty.Bench;

/// <summary>
/// CPU time used so far by this process, and by a PostgreSQL server's processes (the postmaster's children, read
/// from /proc): on a two-core machine shared by the engine and its database, CPU per instance says where the time goes.
/// </summary>
internal static class ProcessCpu
{
    // Linux reports process times in clock ticks, 100 per second on every kernel configuration we run on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Ours()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time of <paramref name="postmaster"/>'s children (backends, WAL writer, checkpointer...); null where /proc is not readable.</summary>
    public static TimeSpan? PostgresChildren(int postmaster)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        double ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _) || Stat(folder) is not { } stat)
            {
                continue;
            }

            // Fields after "(comm)": state ppid ... utime (14th field overall) stime (15th).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 12 && int.TryParse(fields[1], out var parent) && parent == postmaster)
            {
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The parent of a process: for a PostgreSQL backend (<c>pg_backend_pid()</c>), its postmaster.</summary>
    public static int? ParentOf(int pid) =>
        Stat($"/proc/{pid}") is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : null;

    private static string? Stat(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "stat"));
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
