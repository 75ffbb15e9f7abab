using System.Globalization;
using System.Runtime;

namespace FourDuty.Bench;

/// <summary>
/// The JIT's activity. .NET compiles a method quickly first and again, optimised, after it has been called often; on
/// a busy two-core machine that second compilation lags far behind (the EF Core and Npgsql stack has thousands of
/// methods), and while it runs in the background it takes the CPU the benchmark is measuring. Warm-ups therefore go
/// on until the JIT is quiet, and each measured run reports what the JIT still did during it.
/// </summary>
internal static class JitWatch
{
    private const int QuietMethods = 5;

    public static (long Methods, TimeSpan Time) Now() => (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    /// <summary>
    /// Runs <paramref name="batch"/> at least <paramref name="minimum"/> times, then until two runs in a row each
    /// compile fewer than five methods (at most <paramref name="maximum"/> runs): one quiet run can be the JIT's
    /// call-counting delay rather than the end of its work.
    /// </summary>
    /// <returns>How many runs it took, and how many methods the last one compiled.</returns>
    public static async Task<(int Runs, long LastMethods)> UntilQuietAsync(Func<Task> batch, int minimum, int maximum)
    {
        long compiled = long.MaxValue;
        var (runs, quietInARow) = (0, 0);
        while (runs < maximum && (runs < minimum || quietInARow < 2))
        {
            var before = JitInfo.GetCompiledMethodCount();
            await batch();
            compiled = JitInfo.GetCompiledMethodCount() - before;
            quietInARow = compiled < QuietMethods ? quietInARow + 1 : 0;
            runs++;
        }

        return (runs, compiled);
    }

    /// <summary>What the JIT did since <paramref name="since"/>: "N methods, T ms".</summary>
    public static string Since((long Methods, TimeSpan Time) since)
    {
        var (methods, time) = Now();
        return $"{methods - since.Methods} methods, {(time - since.Time).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
    }
}
