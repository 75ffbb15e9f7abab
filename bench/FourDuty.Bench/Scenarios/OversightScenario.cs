using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Time;
using FourDuty.Workflows;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Oversight;
using FourDuty.Workflows.Oversight.Exports;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// The oversight read side on a college of 50 subjects with five years of records (2022–2026), on PostgreSQL and SQLite:
/// the dashboard of a year (median and 95th percentile), and the rectification ledger exported as .xlsx at 1,000 and
/// 10,000 rows (time, rows/s, and the peak managed heap above the baseline: flat memory means the two peaks are alike).
/// pgbench's commit rate is printed beside for the machine's measure.
/// </summary>
internal sealed class OversightScenario : IScenario
{
    private static readonly DateTimeOffset Today = new(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));

    public string Name => "oversight";

    public string Description => "dashboard of a year and 10,000-row xlsx ledger export, 50 subjects x 5 years, PostgreSQL and SQLite";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("subjects", 50, 12, "responsibility subjects in the organisation"),
        new("iterations", 30, 5, "measured dashboard calls"),
        new("warmup", 5, 1, "unmeasured dashboard calls first"),
        new("rows", 10_000, 1_000, "rows of the large export"),
        new("sqlite", 1, 0, "1 runs SQLite too"),
        new("pgbench-seconds", 15, 5, "pgbench run length"),
    ];

    public IReadOnlyList<BenchTextOption> TextOptions { get; } =
    [
        new("postgres", "a server connection string (a fresh database is created on it)"),
        new("pgbench", "the pgbench program"),
    ];

    public int Run(BenchOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"runtime  {MachineFacts.Runtime}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        var organization = OrganizationFile(options["subjects"]);
        if (options.Text("postgres") is { } server)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var database = new NpgsqlConnectionStringBuilder(server) { Database = $"fourduty_oversight_{suffix}" };
            var pgbenchDb = new NpgsqlConnectionStringBuilder(server) { Database = $"fourduty_pgbench_{suffix}" };
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                output.WriteLine($"\nPostgreSQL {admin.PostgreSqlVersion}");
                foreach (var name in new[] { database.Database, pgbenchDb.Database })
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                    await create.ExecuteNonQueryAsync();
                }
            }

            await MeasureAsync("PostgreSQL", s => s.PostgresConnectionString = database.ConnectionString, organization, options, output);
            if ((options.Text("pgbench") ?? Pgbench.Find()) is { } pgbench)
            {
                var (tps, command, text) = Pgbench.Run(pgbench, pgbenchDb, 4, 8, options["pgbench-seconds"]);
                output.WriteLine($"pgbench  {command}");
                output.WriteLine($"pgbench  {(tps is { } t ? $"{t:N0} TPS, the same cluster's commit rate" : $"failed: {text.Trim().Split('\n').LastOrDefault()}")}");
            }
        }

        if (options["sqlite"] == 1)
        {
            var folder = Directory.CreateTempSubdirectory("fourduty-bench-oversight-");
            await MeasureAsync("SQLite", s => s.SqliteConnectionString = $"Data Source={Path.Combine(folder.FullName, "fourduty.db")}", organization, options, output);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        output.WriteLine($"load     {MachineFacts.Load} at end");
        File.Delete(organization);
        return 0;
    }

    private static async Task MeasureAsync(string store, Action<Engine.Persistence.StorageOptions> storage, string organization, BenchOptions options, TextWriter output)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine =>
        {
            storage(engine.Storage);
            engine.Clock = new SimulatedClock(Today);
        });
        services.AddFourDutyWorkflows(workflows =>
        {
            workflows.Seeds.Organization = organization;
            workflows.Seeds.Calendar = Path.GetFullPath("seeds/calendar/cn-2026-2027.json");
            workflows.Notifications.Templates = Path.GetFullPath("workflows/mail");
        });
        services.AddSingleton<IMailTransport, NoMail>();
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var contexts = provider.GetRequiredService<IDbContextFactory<DutyDbContext>>();
        var clock = Stopwatch.StartNew();
        var counts = await OversightRecords.WriteAsync(contexts, provider.GetRequiredService<Workflows.Organization.PeopleDirectory>().Current, options["rows"]);
        output.WriteLine($"\n{store}: wrote {counts} in {clock.Elapsed.TotalSeconds:N1} s");

        var dashboard = provider.GetRequiredService<Dashboard>();
        for (var i = 0; i < options["warmup"]; i++)
        {
            await dashboard.ForAsync(new DashboardFilter(2026));
        }

        var times = new List<double>();
        DashboardView? view = null;
        for (var i = 0; i < options["iterations"]; i++)
        {
            var watch = Stopwatch.StartNew();
            view = await dashboard.ForAsync(new DashboardFilter(2026));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"{store}: dashboard of 2026 ({view!.Subjects.Count} subjects, {view.Subjects.Sum(s => s.Items.Total)} items, "
            + $"{view.Rectification.Sum(f => f.Findings)} findings, {view.Lapses.Count} lapses, {view.Talks.Count} talks): "
            + $"median {Percentile(times, 0.5):N1} ms, p95 {Percentile(times, 0.95):N1} ms over {times.Count} calls");

        var ledgers = provider.GetRequiredService<Ledgers>();
        foreach (var (year, rows) in new[] { (OversightRecords.SmallExportYear, 1_000), (OversightRecords.LargeExportYear, options["rows"]) })
        {
            var (seconds, written, peak, bytes) = await ExportAsync(ledgers, year);
            output.WriteLine($"{store}: rectification ledger {written:N0} rows (expected {rows:N0}) in {seconds:N2} s ({written / seconds:N0} rows/s), "
                + $"{bytes / 1024.0:N0} KB file, peak managed heap {peak / 1024.0 / 1024.0:N1} MB above the start");
        }

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    // Samples the managed heap every millisecond while the export runs; the peak above the heap at the start is what the export held.
    private static async Task<(double Seconds, int Rows, long Peak, long Bytes)> ExportAsync(Ledgers ledgers, int year)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var peak = 0L;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                await Task.Delay(1);
            }
        });
        var path = Path.GetTempFileName();
        var watch = Stopwatch.StartNew();
        int rows;
        await using (var file = File.Create(path))
        {
            rows = await XlsxWriter.WriteAsync(ledgers.Rectification(new LedgerFilter(Year: year)), file);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        stop.Cancel();
        await sampler;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        return (seconds, rows, peak, bytes);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    // The seeded organisation with branches added until it has the asked number of subjects.
    private static string OrganizationFile(int subjects)
    {
        var root = JsonNode.Parse(File.ReadAllText("seeds/organization.json"))!.AsObject();
        var people = root["people"]!.AsArray();
        var units = root["units"]!.AsArray();
        var list = root["subjects"]!.AsArray();
        for (var n = 1; list.Count < subjects; n++)
        {
            var id = $"bench.branch{n}";
            people.Add(new JsonObject
            {
                ["id"] = id, ["name"] = $"支部书记{n}", ["title"] = $"第{n}党支部书记", ["email"] = $"{id}@college.example",
                ["roles"] = new JsonArray("BranchSecretary"), ["groups"] = new JsonArray("branchSecretaries"),
            });
            units.Add(new JsonObject { ["id"] = $"bench-branch-{n}", ["name"] = $"第{n}党支部", ["kind"] = "Branch", ["head"] = id });
            list.Add(new JsonObject
            {
                ["id"] = $"bench-branch-{n}", ["name"] = $"第{n}党支部（主体责任）", ["kind"] = "Committee", ["owner"] = id, ["supervisingLeader"] = "chen.deputy",
                ["unit"] = $"bench-branch-{n}",
            });
        }

        var path = Path.Combine(Path.GetTempPath(), $"fourduty-bench-organization-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private sealed class NoMail : IMailTransport
    {
        public Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken) =>
            Task.FromResult(new MailOutcome(MailOutcomeKind.Sent, "250 bench"));
    }
}
