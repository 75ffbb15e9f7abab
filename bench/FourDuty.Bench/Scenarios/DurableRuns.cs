using System.Globalization;
using System.Text.RegularExpressions;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Bench.Scenarios;

/// <summary>The two measured runs on one durable store, with the SQL of one step of each kind shown first.</summary>
internal static partial class DurableRuns
{
    // Instances in the counted run after each measured one (at most as many as measured).
    private const int CountedInstances = 1000;

    public static async Task<(RunFigures Start, RunFigures Whole)> RunAsync(string store, BenchEngine bench, StepCounter counter,
        PostgresProbe? probe, BenchOptions options, TextWriter output)
    {
        var (instances, workers, warmUp) = (options["instances"], options["workers"], options["warmup"]);
        // Whole lives in batches of 200 until the JIT is quiet (the start path is part of them).
        const int batch = 200;
        var (runs, lastMethods) = await JitWatch.UntilQuietAsync(
            () => InstanceWorkers.RunAsync(batch, workers, async () => await bench.CompleteAsync(await bench.StartAsync(), TaskLookup.ByTaskQuery)),
            minimum: (warmUp + batch - 1) / batch, maximum: 60);
        output.WriteLine();
        output.WriteLine($"warm-up  {store}: {N(runs * batch)} whole-life instances, until a second of them made the JIT compile {lastMethods} methods");
        if (probe is not null)
        {
            output.WriteLine($"analyze  {store}: ANALYZE before each measured run, as autovacuum keeps the statistics on a server that runs for longer than these seconds");
        }
        await ShowOneStepOfEachAsync(bench, counter, output);

        var start = await MeasureAsync($"{store}, start to first user task", instances, workers, steps: 1, counter, probe, output,
            () => bench.StartAsync());
        start = start with { Sound = start.Sound && await CountAsync(bench, InstanceStatus.Active) == start.Instances };
        var whole = await MeasureAsync($"{store}, whole life (start, find task, complete)", instances, workers, steps: 2, counter, probe, output,
            async () => await bench.CompleteAsync(await bench.StartAsync(), TaskLookup.ByTaskQuery));
        whole = whole with { Sound = whole.Sound && await CountAsync(bench, InstanceStatus.Completed) == runs * batch + 1 + whole.Instances };
        if (!start.Sound || !whole.Sound)
        {
            output.WriteLine($"FAILED   {store}: a step was not exactly one commit, or instances did not reach the state the run expects");
        }

        return (start, whole);
    }

    private static async Task<RunFigures> MeasureAsync(string name, int instances, int workers, int steps, StepCounter counter, PostgresProbe? probe,
        TextWriter output, Func<Task> operation)
    {
        if (probe is not null)
        {
            // Autovacuum wakes once a minute, and a run lasts seconds: without this the planner would go by the
            // statistics of the warm-up, when no task was open, and take the status index for a task's instance.
            await probe.AnalyzeAsync();
        }

        GC.Collect();
        // Measured with the counter's tracing off: what it costs per command would be charged to the engine.
        counter.Counting = false;
        var (countsBefore, oursBefore, serverBefore) = (counter.Read(), ProcessCpu.Ours(), probe?.ServerCpu());
        var (allocatedBefore, gen0Before, gen2Before) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(2));
        var xidBefore = probe is null ? 0 : await probe.TransactionIdAsync();
        var jit = JitWatch.Now();
        var times = await InstanceWorkers.RunAsync(instances, workers, operation);
        var xidAfter = probe is null ? 0 : await probe.TransactionIdAsync();
        var (counts, ours, server) = (counter.Read() - countsBefore, ProcessCpu.Ours() - oursBefore, probe?.ServerCpu() - serverBefore);
        var (allocated, gen0, gen2) = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);

        // The round trips and statements, from a shorter run of the same operation with the counter on.
        var counted = Math.Min(instances, CountedInstances);
        counter.Counting = true;
        var tracedBefore = counter.Read();
        await InstanceWorkers.RunAsync(counted, workers, operation);
        var traced = counter.Read() - tracedBefore;

        var stepCount = (double)instances * steps;
        var saveChanges = counts.SaveChanges / stepCount;
        // On PostgreSQL the engine writes a step as one batch outside SaveChanges, so only the server's count tells.
        var serverCommits = probe is null ? (double?)null : (xidAfter - xidBefore - 1) / stepCount;
        output.WriteLine();
        output.WriteLine($"{name}: {N(instances)} instances by {workers} workers in {times.Elapsed.TotalSeconds:0.00} s = {N(times.PerSecond)} instances/s ({N(times.PerSecond * steps)} steps/s)");
        output.WriteLine($"  latency per instance: median {Ms(times.Median)}, p95 {Ms(times.P95)}");
        output.WriteLine(serverCommits is { } c
            ? $"  commits per step: {D(c)} write transactions counted by the server (txid; autovacuum's ANALYZE takes some too), {D(1 / c)} steps per commit"
            : $"  commits per step: {D(saveChanges)} SaveChanges, {D(counts.TransactionsCommitted / stepCount)} explicit EF transactions");
        output.WriteLine($"  per instance: {D(traced.RoundTrips / (double)counted)} round trips ({D(traced.Reads / (double)counted)} of them SELECT), " +
            $"{D(traced.Statements / (double)counted)} SQL statements, {Ms(traced.CommandTime.TotalMilliseconds / counted)} inside database commands " +
            $"(summed over workers; counted in a second run of {N(counted)} with the counter on)");
        var cpuOurs = ours.TotalMicroseconds / instances;
        var cpuServer = server?.TotalMicroseconds / instances;
        output.WriteLine($"  CPU per instance: engine process {Us(cpuOurs)}" + (cpuServer is { } s
            ? $", PostgreSQL processes {Us(s)}; {Environment.ProcessorCount} cores allow at most {N(Environment.ProcessorCount * 1e6 / (cpuOurs + s))} instances/s by CPU"
            : $"; {Environment.ProcessorCount} cores allow at most {N(Environment.ProcessorCount * 1e6 / cpuOurs)} instances/s by CPU"));
        output.WriteLine($"  engine process allocated {(allocated / 1024.0 / instances).ToString("0", CultureInfo.InvariantCulture)} KB per instance; {gen0} gen-0 and {gen2} gen-2 collections; JIT during the run: {JitWatch.Since(jit)}");
        output.WriteLine($"  load {MachineFacts.Load}");
        output.Flush();
        // Steps ready at the same moment share a commit (decision 0035), so the server may count fewer than one per step,
        // and more only by the background's own few (autovacuum's ANALYZE); that each step was written once, no more and
        // no less, the instances' states tell (checked by the caller). SQLite: exactly one SaveChanges per step.
        var sound = serverCommits is { } commits ? commits is > 0 and < 1.02 : Math.Abs(saveChanges - 1) < 1e-9;
        return new RunFigures(times.PerSecond, sound, instances + counted);
    }

    /// <summary>Prints the SQL of one start step and of one completion step, run alone.</summary>
    private static async Task ShowOneStepOfEachAsync(BenchEngine bench, StepCounter counter, TextWriter output)
    {
        counter.TakeCaptured();
        counter.Capture = true;
        var instance = await bench.StartAsync();
        counter.Capture = false;
        Print("start step (StartAsync: start -> gateway -> user task)", counter.TakeCaptured(), output);

        var task = (await bench.Engine.Queries.ListTasksAsync(new TaskFilter(InstanceId: instance))).Single();
        counter.TakeCaptured();
        counter.Capture = true;
        await bench.Engine.CompleteTaskAsync(task.Id);
        counter.Capture = false;
        Print("completion step (CompleteTaskAsync: user task -> end)", counter.TakeCaptured(), output);
    }

    private static void Print(string step, IReadOnlyList<CapturedCommand> commands, TextWriter output)
    {
        var statements = commands.SelectMany(c => StepCounter.Statements(c.Text)).Select(Normalise).ToList();
        var kinds = statements.GroupBy(s => s.Split(' ')[0]).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine();
        output.WriteLine($"SQL of one {step}: {commands.Count} round trips, {statements.Count} statements ({string.Join(", ", kinds)})");
        for (var i = 0; i < commands.Count; i++)
        {
            var inCommand = StepCounter.Statements(commands[i].Text).Select(Normalise).ToList();
            foreach (var group in inCommand.GroupBy(s => s))
            {
                var text = group.Key.Length <= 150 ? group.Key : group.Key[..147] + "...";
                output.WriteLine($"  {i + 1,2}. {(group.Count() > 1 ? group.Count() + " x " : "")}{text}");
            }
        }
    }

    // One line, parameters named alike, so that the same statement for another row reads the same.
    private static string Normalise(string statement) => Parameter().Replace(Whitespace().Replace(statement, " "), "@p").Trim();

    private static async Task<int> CountAsync(BenchEngine bench, InstanceStatus status) =>
        (await bench.Engine.Queries.ListInstancesAsync(new InstanceFilter(BenchEngine.ProcessKey, status))).Count;

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Us(double microseconds) => microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"@p\d+|@__\w+|@\w+_\d+|\$\d+")]
    private static partial Regex Parameter();
}

/// <summary>A run's instances per second, and whether its checks held.</summary>
/// <summary>A measured run's rate; whether its invariants held; how many instances it and its counted run made.</summary>
internal sealed record RunFigures(double PerSecond, bool Sound, int Instances);
