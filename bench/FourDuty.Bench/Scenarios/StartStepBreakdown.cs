using System.Diagnostics;
using System.Globalization;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Persistence.EntityFramework;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Where a start step's time goes, by stopwatch: one worker, nothing else running, each part of the step alone —
/// the engine's own work (the in-memory store), a pooled DbContext, the step tracking its 6 rows, the same rows
/// written by hand through Npgsql as the engine writes them, and for comparison EF Core tracking them and its SaveChanges — taking
/// turns round by round so a busy machine slows them alike.
/// </summary>
internal static class StartStepBreakdown
{
    public static async Task RunAsync(BenchEngine durable, string model, NpgsqlDataSource? database, IReadOnlyList<TableRows> startStep,
        int iterations, TextWriter output)
    {
        await using var memory = await BenchEngine.CreateAsync(s => s.InMemory = true, model);
        var contexts = durable.Services.GetRequiredService<IDbContextFactory<EngineDbContext>>();
        var parts = new List<(string Name, Func<Task> Operation)>
        {
            ("whole start step, this store (StartAsync)", () => durable.StartAsync()),
            ("  engine's own work (same step, in-memory store)", () => memory.StartAsync()),
            ("  EF: DbContext from the pool, returned", async () => { await using var db = await contexts.CreateDbContextAsync(); }),
            ("  DbContext + the step tracking its 6 rows", async () =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                var rows = new Engine.Persistence.EntityFramework.Postgres.PostgresStepRows(db);
                foreach (var row in StepRows())
                {
                    rows.Add(row);
                }

                rows.ChangedInstances();
            }),
        };
        if (database is not null)
        {
            parts.Add(("  Npgsql: the step's rows by hand, one batch", () => SqlReplay.RunAsync(database, startStep, SqlReplay.Shape.OneBatch, 1, 1)));
        }

        parts.Add(("(for comparison: EF Core tracking the 6 rows)", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.AddRange(StepRows());
            db.ChangeTracker.DetectChanges();
        }));
        parts.Add(("(for comparison: the 6 rows by EF SaveChanges)", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.AddRange(StepRows());
            await db.SaveChangesAsync();
        }));

        var wall = parts.Select(_ => new double[iterations]).ToArray();
        var cpu = new TimeSpan[parts.Count];
        var allocated = new long[parts.Count];
        // Unmeasured rounds first, until the JIT is quiet, then the measured ones.
        const int roundsPerBatch = 10;
        var (warmUpBatches, _) = await JitWatch.UntilQuietAsync(async () =>
        {
            for (var round = 0; round < roundsPerBatch; round++)
            {
                foreach (var (_, operation) in parts)
                {
                    await operation();
                }
            }
        }, minimum: 5, maximum: 300);
        var warmUpRounds = warmUpBatches * roundsPerBatch;
        var jit = JitWatch.Now();
        for (var round = 0; round < iterations; round++)
        {
            for (var p = 0; p < parts.Count; p++)
            {
                var (cpuBefore, bytesBefore, started) = (ProcessCpu.Ours(), GC.GetTotalAllocatedBytes(precise: true), Stopwatch.GetTimestamp());
                await parts[p].Operation();
                wall[p][round] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                cpu[p] += ProcessCpu.Ours() - cpuBefore;
                allocated[p] += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            }
        }

        output.WriteLine();
        output.WriteLine($"Where a start step's time goes: one worker, {iterations} runs of each part, taking turns, after {warmUpRounds} unmeasured rounds " +
            $"(JIT during the measured ones: {JitWatch.Since(jit)}); median wall time, CPU and allocation are means");
        output.WriteLine($"  {"part",-52}{"wall µs",10}{"CPU µs",10}{"alloc KB",10}");
        for (var p = 0; p < parts.Count; p++)
        {
            Array.Sort(wall[p]);
            output.WriteLine($"  {parts[p].Name,-52}{F(wall[p][iterations / 2]),10}{F(cpu[p].TotalMicroseconds / iterations),10}{F(allocated[p] / 1024.0 / iterations),10}");
        }

        output.WriteLine("  (CPU is this process only, read in 10 ms ticks over all runs; a thread that waits for the database may spin, which counts as CPU)");
        output.Flush();
    }

    /// <summary>The rows a start step of one-task.bpmn writes: instance, scope, variable, token, task and the row of its ten history events.</summary>
    private static IEnumerable<object> StepRows()
    {
        var now = DateTimeOffset.UtcNow;
        var (instance, scope, token, task) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        yield return new InstanceRecord { Id = instance, DefinitionId = Guid.CreateVersion7(), DefinitionKey = BenchEngine.ProcessKey, DefinitionVersion = 1, Status = InstanceStatus.Active, StartedAt = now };
        yield return new ScopeRecord { Id = scope, InstanceId = instance, ElementId = BenchEngine.ProcessKey, Kind = ScopeKind.Process };
        yield return new VariableRecord { Id = Guid.CreateVersion7(), InstanceId = instance, ScopeId = scope, Name = "skip", Type = VariableType.Boolean, Json = "false" };
        yield return new TokenRecord { Id = token, InstanceId = instance, ScopeId = scope, ElementId = "review", Status = TokenStatus.Waiting, ArrivedVia = "f3" };
        yield return new UserTaskRecord { Id = task, InstanceId = instance, TokenId = token, ElementId = "review", Name = "审核", CreatedAt = now, Status = UserTaskStatus.Open };
        HistoryEventType[] events = [HistoryEventType.InstanceStarted, HistoryEventType.ElementEntered, HistoryEventType.ElementLeft, HistoryEventType.FlowTaken,
            HistoryEventType.ElementEntered, HistoryEventType.ElementLeft, HistoryEventType.FlowTaken, HistoryEventType.ElementEntered, HistoryEventType.TaskCreated,
            HistoryEventType.ElementEntered];
        // One history row for the step's ten events, as the store writes them (decision 0031).
        yield return HistoryStepRecord.Pack([.. events.Select(type =>
            new HistoryRecord { Id = Guid.CreateVersion7(), InstanceId = instance, At = now, Type = type, ElementId = "review", TokenId = token })]);
    }

    private static string F(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
