using System.Globalization;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// one-task.bpmn on the durable stores, PostgreSQL and SQLite (a temporary file), many instances in flight: instances
/// per second from start to the first user task, and whole life (start, find the task, complete, end). It counts the
/// database commits per step (at most one: steps ready together share one, decision 0035), the round trips and statements, the CPU spent by the engine
/// and by PostgreSQL per instance, and prints the SQL of one step of each kind; beside it, pgbench's TPS on the same cluster.
/// </summary>
internal sealed class DurableScenario : IScenario
{
    public string Name => "durable";

    public string Description => "one-task.bpmn on PostgreSQL and SQLite: start-to-task and whole-life rates, commits per step, SQL per step, pgbench beside";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("instances", 3000, 1, "measured instances in each run"),
        new("workers", 64, 1, "concurrent workers, each with one instance in flight"),
        new("warmup", 300, 0, "unmeasured whole-life instances first, on each store"),
        new("sqlite", 1, 0, "1 runs SQLite on a temporary file too, 0 skips it"),
        new("breakdown", 300, 10, "runs of each part of a start step, alone on one worker, to show where its time goes"),
        new("pgbench-clients", 16, 1, "pgbench -c"),
        new("pgbench-seconds", 20, 1, "pgbench -T"),
        new("pgbench-scale", 4, 1, "pgbench -i -s"),
    ];

    public IReadOnlyList<BenchTextOption> TextOptions { get; } =
    [
        new("postgres", "Npgsql connection string of a database whose role may CREATE DATABASE; without it PostgreSQL is skipped"),
        new("pgbench", "path of pgbench (default: the newest under /usr/lib/postgresql/*/bin)"),
        new("peer-dir", $"folder with one-task.bpmn (default {BenchEngine.DefaultPeerFolder})"),
        new("history", "the engine's history level: Full (the default, the college's), Audit, Activity or None"),
    ];

    public int Run(BenchOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var model = BenchEngine.ReadModel(options.Text("peer-dir"));
        output.WriteLine($"FourDuty.Bench durable, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"runtime  {MachineFacts.Runtime}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        if (MachineFacts.IsDebugBuild)
        {
            output.WriteLine("WARNING  Debug build: these figures mean nothing; run with -c Release.");
        }

        output.WriteLine($"runs     {options["warmup"]:N0} warm-up + {options["instances"]:N0} instances per run, {options["workers"]} workers; " +
            "one-task.bpmn with skip=false; the task is found by Queries.ListTasksAsync(InstanceId)");
        output.WriteLine($"history  {History(options)} (Engine:History)");
        output.Flush();

        var sound = true;
        if (options.Text("postgres") is { } postgres)
        {
            sound &= await RunPostgresAsync(postgres, model, options, output);
        }
        else
        {
            output.WriteLine("\nPostgreSQL skipped: give --postgres \"Host=...;Port=...;Username=...;Database=...\"");
        }

        if (options["sqlite"] == 1)
        {
            sound &= await RunSqliteAsync(model, options, output);
        }

        output.WriteLine();
        output.WriteLine($"load     {MachineFacts.Load} at end");
        return sound ? 0 : 1;
    }

    private static HistoryLevel History(BenchOptions options) =>
        Enum.TryParse<HistoryLevel>(options.Text("history") ?? nameof(HistoryLevel.Full), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new BenchUsageException($"--history {options.Text("history")}: give Full, Audit, Activity or None");

    private static async Task<bool> RunPostgresAsync(string connectionString, string model, BenchOptions options, TextWriter output)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        // The engine's pool as the connection string sets it (PG_OPTIONS="Maximum Pool Size=16"), else as the engine's own default.
        var engineDb = new NpgsqlConnectionStringBuilder(connectionString) { Database = $"fourduty_bench_{suffix}" };
        var pgbenchDb = new NpgsqlConnectionStringBuilder(connectionString) { Database = $"fourduty_pgbench_{suffix}" };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            output.WriteLine($"\nPostgreSQL {admin.PostgreSqlVersion} at {server.Host}:{server.Port}: {await SettingsAsync(admin)}");
            output.WriteLine($"pool     the engine's connections: at most {new NpgsqlConnectionStringBuilder(StorageOptions.Tuned(engineDb.ConnectionString)).MaxPoolSize} for {options["workers"]} workers");
            await ExecuteAsync(admin, $"CREATE DATABASE {engineDb.Database}");
            await ExecuteAsync(admin, $"CREATE DATABASE {pgbenchDb.Database}");
        }

        try
        {
            using var counter = new StepCounter(npgsqlTraffic: true);
            await using var bench = await BenchEngine.CreateAsync(s => s.PostgresConnectionString = engineDb.ConnectionString, model,
                services => services.ConfigureDbContext<PostgresEngineDbContext>(b => b.AddInterceptors(counter)), History(options));
            await using var probe = await PostgresProbe.ConnectAsync(engineDb.ConnectionString);
            var (start, whole) = await DurableRuns.RunAsync("PostgreSQL", bench, counter, probe, options, output);
            // By hand on connections set up as the engine's are (it turns on automatic preparation, for one).
            await using (var database = NpgsqlDataSource.Create(await EngineConnectionStringAsync(bench)))
            {
                var startStep = await SqlReplay.ReadAsync(database, await bench.StartAsync());
                await ReplayAsync(database, startStep, start.PerSecond, probe, options, output);
                await StartStepBreakdown.RunAsync(bench, model, database, startStep, options["breakdown"], output);
            }

            var pgbench = options.Text("pgbench") ?? Pgbench.Find();
            double? tps = null;
            if (pgbench is null)
            {
                output.WriteLine("pgbench  not found; give --pgbench PATH");
            }
            else
            {
                output.WriteLine($"load     {MachineFacts.Load} before pgbench");
                output.Flush();
                var (result, command, text) = Pgbench.Run(pgbench, pgbenchDb, options["pgbench-scale"], options["pgbench-clients"], options["pgbench-seconds"]);
                tps = result;
                output.WriteLine($"pgbench  {command}");
                output.WriteLine($"pgbench  {(tps is { } t ? $"{N(t)} TPS (its output: {Last(text)})" : $"failed: {Last(text)}")}");
            }

            output.WriteLine();
            output.WriteLine($"PostgreSQL summary: start to first user task {N(start.PerSecond)} instances/s, whole life {N(whole.PerSecond)} instances/s " +
                $"({N(2 * whole.PerSecond)} steps/s); pgbench -N {(tps is { } p ? N(p) + " TPS" : "not run")}" +
                (tps is { } q ? $"; start steps/s : pgbench TPS = {Ratio(start.PerSecond, q)} (issue 15's target 0.70), " +
                    $"whole lives/s : pgbench TPS = {Ratio(whole.PerSecond, q)} (target 0.40)" : ""));
            return start.Sound && whole.Sound;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server.ConnectionString);
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {engineDb.Database} WITH (FORCE)");
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {pgbenchDb.Database} WITH (FORCE)");
        }
    }

    private static async Task<bool> RunSqliteAsync(string model, BenchOptions options, TextWriter output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fourduty-bench-{Guid.NewGuid():N}.db");
        output.WriteLine($"\nSQLite file {file} (journal_mode=WAL as the Host sets it; synchronous at its default)");
        try
        {
            using var counter = new StepCounter(npgsqlTraffic: false);
            await using var bench = await BenchEngine.CreateAsync(s => s.SqliteConnectionString = $"Data Source={file}", model,
                services => services.ConfigureDbContext<SqliteEngineDbContext>(b => b.AddInterceptors(counter)), History(options));
            var (start, whole) = await DurableRuns.RunAsync("SQLite", bench, counter, null, options, output);
            await StartStepBreakdown.RunAsync(bench, model, null, [], options["breakdown"], output);
            output.WriteLine();
            output.WriteLine($"SQLite summary: start to first user task {N(start.PerSecond)} instances/s, whole life {N(whole.PerSecond)} instances/s ({N(2 * whole.PerSecond)} steps/s)");
            return start.Sound && whole.Sound;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>A start step's rows written by hand in two shapes, by as many workers: the database's floor under the engine.</summary>
    private static async Task ReplayAsync(NpgsqlDataSource database, IReadOnlyList<TableRows> startStep, double engineRate,
        PostgresProbe probe, BenchOptions options, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"A start step's rows ({string.Join(", ", startStep.Select(t => $"{t.Rows.Count} {t.Table}"))}) read back and written again by hand " +
            $"through Npgsql, fresh ids, {options["workers"]} workers, {options["instances"]:N0} steps each:");
        foreach (var shape in Enum.GetValues<SqlReplay.Shape>())
        {
            // Unmeasured first: every worker's connection opened, its statements prepared.
            await SqlReplay.RunAsync(database, startStep, shape, Math.Max(options["workers"] * 10, options["warmup"]), options["workers"]);
            var (oursBefore, serverBefore) = (ProcessCpu.Ours(), probe.ServerCpu());
            var times = await SqlReplay.RunAsync(database, startStep, shape, options["instances"], options["workers"]);
            var (ours, server) = ((ProcessCpu.Ours() - oursBefore).TotalMicroseconds / times.Count, (probe.ServerCpu() - serverBefore)?.TotalMicroseconds / times.Count);
            output.WriteLine($"  {shape,-22} {N(times.PerSecond),7} steps/s  (median {times.Median:0.00} ms, p95 {times.P95:0.00} ms)  engine start rate / this = {(engineRate / times.PerSecond).ToString("0.00", CultureInfo.InvariantCulture)}" +
                $"; CPU per step: this process {ours:0} µs, PostgreSQL {(server is { } s ? s.ToString("0", CultureInfo.InvariantCulture) + " µs" : "unknown")}");
            output.Flush();
        }

        output.WriteLine("  OneBatch = one multi-row INSERT per table in one batch, an implicit transaction (1 round trip, as the engine writes a step).");
        output.WriteLine("  ExplicitTransaction = BEGIN; the same batch; COMMIT (3 round trips, as EF Core's SaveChanges would).");
    }

    private static async Task<string> EngineConnectionStringAsync(BenchEngine bench)
    {
        await using var db = await bench.Services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
        return db.Database.GetConnectionString()!;
    }

    private static async Task<string> SettingsAsync(NpgsqlConnection connection)
    {
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers", "max_connections" })
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", settings);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Last(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.Where(l => l.StartsWith("tps", StringComparison.Ordinal) || l.StartsWith("latency", StringComparison.Ordinal)
            || l.StartsWith("number of", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).DefaultIfEmpty(lines.LastOrDefault() ?? ""));
    }

    private static string Ratio(double ours, double pgbenchTps) => (ours / pgbenchTps).ToString("0.00", CultureInfo.InvariantCulture);
}
