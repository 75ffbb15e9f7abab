using System.Diagnostics;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Runs an operation for <c>count</c> instances on <c>workers</c> concurrent workers, each taking the next instance as
/// soon as its last one is done (a server with that many requests in flight), and times every operation.
/// </summary>
internal static class InstanceWorkers
{
    public static async Task<WorkerTimes> RunAsync(int count, int workers, Func<Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var t = Stopwatch.GetTimestamp();
                await operation();
                latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new WorkerTimes(count, elapsed, latencies);
    }
}

/// <summary>How long the run took, and each operation's latency in milliseconds, sorted.</summary>
internal sealed record WorkerTimes(int Count, TimeSpan Elapsed, double[] Latencies)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double Median => Latencies[Latencies.Length / 2];

    public double P95 => Latencies[Math.Clamp((int)Math.Ceiling(0.95 * Latencies.Length) - 1, 0, Latencies.Length - 1)];
}
