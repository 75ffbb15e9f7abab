using System.Diagnostics;
using System.Globalization;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// The peer's model (one-task.bpmn) run whole life on the in-memory store — start with skip=false, wait at the user
/// task, complete it, end — many instances in flight at once; then, in the same run, the npm <c>bpmn-engine</c> on
/// the same model with the same counts. The ratio of the two figures is what to compare across machines.
/// </summary>
internal sealed class MemoryScenario : IScenario
{
    private const double Target = 150; // issue 15: whole life at least 150x the npm bpmn-engine in the same run

    public string Name => "memory";

    public string Description => "one-task.bpmn whole life in memory, beside the npm bpmn-engine on the same model in the same run";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("instances", 20000, 1, "measured instances, for us and for the peer"),
        new("in-flight", 200, 1, "instances per batch, all waiting at the user task at once (the peer's second argument)"),
        new("warmup", 2000, 0, "unmeasured instances first, for the JIT"),
        new("peer", 1, 0, "1 runs the npm peer after our runs, 0 skips it"),
    ];

    public IReadOnlyList<BenchTextOption> TextOptions { get; } =
    [
        new("peer-dir", $"folder with one-task.bpmn and the peer's program (default {BenchEngine.DefaultPeerFolder})"),
    ];

    public int Run(BenchOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var (instances, inFlight, warmUp) = (options["instances"], options["in-flight"], options["warmup"]);
        var peerFolder = options.Text("peer-dir") ?? BenchEngine.DefaultPeerFolder;
        var model = BenchEngine.ReadModel(peerFolder);

        output.WriteLine($"FourDuty.Bench memory, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"runtime  {MachineFacts.Runtime}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        if (MachineFacts.IsDebugBuild)
        {
            output.WriteLine("WARNING  Debug build: these figures mean nothing; run with -c Release.");
        }

        output.WriteLine($"model    {Path.Combine(peerFolder, "one-task.bpmn")}: start (skip=false) -> exclusive gateway -> user task -> end");
        output.WriteLine($"runs     at least {N(warmUp)} warm-up (on until the JIT is quiet) + {N(instances)} measured instances, batches of {N(inFlight)} in flight; in-memory store, task found by GET instance");
        output.WriteLine();
        output.Flush();
        output.WriteLine($"{"run",-34}{"instances/s",13}{"start µs",11}{"complete µs",13}{"alloc/instance",16}");
        var before = await RunOursAsync(model, options, "before the peer", output);
        if (before is null)
        {
            return 1;
        }

        output.WriteLine($"load     {MachineFacts.Load} after our runs");
        if (options["peer"] == 0)
        {
            output.WriteLine();
            foreach (var (name, times) in before)
            {
                output.WriteLine($"{name + ":",-20}{N(times.PerSecond),9} instances/s; the peer was not run (--peer 0)");
            }

            return 0;
        }

        output.WriteLine();
        output.WriteLine($"peer     npm {NpmPeer.Package}: node bpmn-engine-bench.js {instances} {inFlight}, from a copy of {peerFolder}");
        output.Flush();
        var peer = NpmPeer.Run(peerFolder, instances, inFlight, output);
        output.WriteLine($"peer     node {peer.NodeVersion}; it printed: {peer.Output}");
        output.WriteLine($"load     {MachineFacts.Load} after the peer");
        output.WriteLine();

        // Ours again, so that a change in the machine's load during the peer's long run shows and averages out.
        var after = await RunOursAsync(model, options, "after the peer", output);
        if (after is null)
        {
            return 1;
        }

        output.WriteLine();
        for (var i = 0; i < before.Count; i++)
        {
            var (name, ours) = (before[i].Name, (before[i].Times.PerSecond + after[i].Times.PerSecond) / 2);
            output.WriteLine(peer.PerSecond is { } theirs
                ? $"{name + ":",-20}{N(ours),9} instances/s (mean of before and after), peer {N(theirs)} instances/s: ratio {(ours / theirs).ToString("0.0", CultureInfo.InvariantCulture)}x (target {Target}x: {(ours / theirs >= Target ? "met" : "NOT met")})"
                : $"{name + ":",-20}{N(ours),9} instances/s (mean of before and after); no peer figure: {peer.Output}");
        }

        return 0;
    }

    /// <summary>Our runs, on all cores and on one thread, each on a fresh engine after its own warm-up; null when an instance did not end.</summary>
    private static async Task<List<(string Name, BatchTimes Times)>?> RunOursAsync(string model, BenchOptions options, string when, TextWriter output)
    {
        var (instances, inFlight, warmUp) = (options["instances"], options["in-flight"], options["warmup"]);
        var results = new List<(string Name, BatchTimes Times)>();
        foreach (var (name, threads) in new[] { ("ours, all cores", Environment.ProcessorCount), ("ours, one thread", 1) })
        {
            await using var bench = await BenchEngine.CreateAsync(storage => storage.InMemory = true, model);
            // At least --warmup instances, then on until the JIT is quiet.
            await JitWatch.UntilQuietAsync(() => InstanceBatches.RunAsync(bench, 1000, inFlight, threads, TaskLookup.ByInstance),
                minimum: (warmUp + 999) / 1000, maximum: 50);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var warmedUp = (await bench.Engine.Queries.ListInstancesAsync(new InstanceFilter(BenchEngine.ProcessKey))).Count;
            var jit = JitWatch.Now();
            var times = await InstanceBatches.RunAsync(bench, instances, inFlight, threads, TaskLookup.ByInstance);
            var jitDuring = JitWatch.Since(jit);
            if (!await CheckAllEndedAsync(bench, warmedUp + instances, output))
            {
                return null;
            }

            results.Add((name, times));
            output.WriteLine($"{name + ", " + when,-34}{N(times.PerSecond),13}{F(times.StartMicroseconds),11}{F(times.CompleteMicroseconds),13}{Kb(times.AllocatedBytes / times.Count),16}   {N(warmedUp)} warm-up; JIT during run: {jitDuring}");
            output.Flush();
            if (threads == 1 && when == "before the peer")
            {
                await ProbeAsync(bench, output);
            }
        }

        return results;
    }

    /// <summary>Every instance must have ended; otherwise the figure measured something else.</summary>
    private static async Task<bool> CheckAllEndedAsync(BenchEngine bench, int expected, TextWriter output)
    {
        var completed = await bench.Engine.Queries.ListInstancesAsync(new InstanceFilter(BenchEngine.ProcessKey, InstanceStatus.Completed));
        var active = await bench.Engine.Queries.ListInstancesAsync(new InstanceFilter(BenchEngine.ProcessKey, InstanceStatus.Active));
        if (completed.Count == expected && active.Count == 0)
        {
            return true;
        }

        output.WriteLine($"FAILED   {completed.Count} instances completed and {active.Count} active; expected {expected} completed");
        return false;
    }

    /// <summary>
    /// What finding one open task costs by the two queries, with the store as full as the run left it; and how many
    /// history events one instance leaves (each is a row with a new id).
    /// </summary>
    private static async Task ProbeAsync(BenchEngine bench, TextWriter output)
    {
        const int probes = 50;
        var ids = new Guid[probes];
        for (var i = 0; i < probes; i++)
        {
            ids[i] = await bench.StartAsync();
        }

        var byInstance = new double[probes];
        var byQuery = new double[probes];
        for (var i = 0; i < probes; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await bench.Engine.Queries.GetInstanceAsync(ids[i]);
            byInstance[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
            t = Stopwatch.GetTimestamp();
            await bench.Engine.Queries.ListTasksAsync(new TaskFilter(InstanceId: ids[i]));
            byQuery[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
        }

        Array.Sort(byInstance);
        Array.Sort(byQuery);
        var stored = (await bench.Engine.Queries.ListInstancesAsync(new InstanceFilter(BenchEngine.ProcessKey))).Count;
        output.WriteLine($"{"",-34}finding a task with {N(stored)} instances stored (median of {probes}): " +
            $"GetInstanceAsync {F(byInstance[probes / 2])} µs, ListTasksAsync(InstanceId) {F(byQuery[probes / 2])} µs");
        var atTask = (await bench.Engine.Queries.GetHistoryAsync(ids[0])).Count;
        await bench.CompleteAsync(ids[0], TaskLookup.ByInstance);
        var whole = (await bench.Engine.Queries.GetHistoryAsync(ids[0])).Count;
        output.WriteLine($"{"",-34}history events per instance: {atTask} by the user task, {whole} at the end");
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
