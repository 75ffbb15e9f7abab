using System.Diagnostics;

namespace FourDuty.Bench;

/// <summary>Times of one operation run many times on this thread, with what each run allocated.</summary>
internal sealed class Measurement
{
    private Measurement(string name, double[] milliseconds, long[] allocatedBytes)
    {
        Name = name;
        Milliseconds = milliseconds;
        AllocatedBytes = allocatedBytes;
    }

    public string Name { get; }

    /// <summary>Elapsed time of each measured run, sorted.</summary>
    public double[] Milliseconds { get; }

    /// <summary>Bytes allocated by each measured run, sorted.</summary>
    public long[] AllocatedBytes { get; }

    public double Median => Percentile(Milliseconds, 50);

    public double P95 => Percentile(Milliseconds, 95);

    public long MedianAllocated => AllocatedBytes[AllocatedBytes.Length / 2];

    /// <summary>
    /// Runs each operation <paramref name="warmUp"/> times unmeasured (so the JIT reaches its optimised tier),
    /// collects garbage once, then <paramref name="iterations"/> times measured. The operations take turns in
    /// each round, so that a machine busy with other work slows them alike and their ratio stays fair.
    /// </summary>
    public static IReadOnlyList<Measurement> Run(int warmUp, int iterations, params (string Name, Func<object?> Operation)[] operations)
    {
        for (var i = 0; i < warmUp; i++)
        {
            foreach (var (_, operation) in operations)
            {
                GC.KeepAlive(operation());
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var milliseconds = operations.Select(_ => new double[iterations]).ToArray();
        var allocated = operations.Select(_ => new long[iterations]).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var op = 0; op < operations.Length; op++)
            {
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                var result = operations[op].Operation();
                milliseconds[op][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                allocated[op][i] = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                GC.KeepAlive(result);
            }
        }

        return operations.Select((operation, op) =>
        {
            Array.Sort(milliseconds[op]);
            Array.Sort(allocated[op]);
            return new Measurement(operation.Name, milliseconds[op], allocated[op]);
        }).ToList();
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
