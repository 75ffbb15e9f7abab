using System.Diagnostics;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Runs instances whole life in batches, as the peer's program does: start a batch of instances (they all wait at
/// the user task at once), then complete the task of each; the next batch begins when the last one has ended.
/// </summary>
internal static class InstanceBatches
{
    /// <param name="bench">The engine.</param>
    /// <param name="count">Instances in all.</param>
    /// <param name="inFlight">Instances per batch: waiting at the user task at the same time.</param>
    /// <param name="threads">How many starts (or completions) run at once within a batch.</param>
    /// <param name="lookup">How the task to complete is found.</param>
    public static async Task<BatchTimes> RunAsync(BenchEngine bench, int count, int inFlight, int threads, TaskLookup lookup)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var ids = new Guid[inFlight];
        var (starting, completing) = (TimeSpan.Zero, TimeSpan.Zero);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var done = 0; done < count; done += inFlight)
        {
            var size = Math.Min(inFlight, count - done);
            var phase = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, size), parallel, async (i, _) => ids[i] = await bench.StartAsync());
            starting += Stopwatch.GetElapsedTime(phase);

            phase = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, size), parallel, async (i, _) => await bench.CompleteAsync(ids[i], lookup));
            completing += Stopwatch.GetElapsedTime(phase);
        }

        return new BatchTimes(count, Stopwatch.GetElapsedTime(started), starting, completing,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}

/// <summary>What a batched run took: in all, in its start phases, in its completion phases; and what it allocated.</summary>
internal sealed record BatchTimes(int Count, TimeSpan Elapsed, TimeSpan Starting, TimeSpan Completing, long AllocatedBytes)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Wall-clock microseconds per instance spent starting (to the user task).</summary>
    public double StartMicroseconds => Starting.TotalMicroseconds / Count;

    /// <summary>Wall-clock microseconds per instance spent finding and completing the task (to the end).</summary>
    public double CompleteMicroseconds => Completing.TotalMicroseconds / Count;
}
