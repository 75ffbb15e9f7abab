using System.Diagnostics;
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
    /// Runs <paramref name="batch"/> at least <paramref name="minimum"/> times, then on until the batches of one whole
    /// second compile fewer than five methods (at most <paramref name="maximum"/> runs). A shorter window could fall
    /// inside the JIT's call-counting delay (it waits while new methods keep being called) and look quiet when it is not.
    /// </summary>
    /// <returns>How many runs it took, and how many methods the last second's runs compiled.</returns>
    public static async Task<(int Runs, long LastMethods)> UntilQuietAsync(Func<Task> batch, int minimum, int maximum)
    {
        var runs = 0;
        while (true)
        {
            var (before, started) = (JitInfo.GetCompiledMethodCount(), Stopwatch.GetTimestamp());
            do
            {
                await batch();
                runs++;
            }
            while (runs < maximum && (runs < minimum || Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1)));

            var compiled = JitInfo.GetCompiledMethodCount() - before;
            if (runs >= maximum || (runs >= minimum && compiled < QuietMethods))
            {
                return (runs, compiled);
            }
        }
    }

    /// <summary>What the JIT did since <paramref name="since"/>: "N methods, T ms".</summary>
    public static string Since((long Methods, TimeSpan Time) since)
    {
        var (methods, time) = Now();
        return $"{methods - since.Methods} methods, {(time - since.Time).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
    }
}
