using System.Diagnostics;
using FourDuty.Bench.Load;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// The morning of a deadline: many instances wait on a timer that falls due at the same instant; each firing writes an
/// escalation task and its mail to the outbox. On PostgreSQL, two (or more) Host processes on one database share the work;
/// on SQLite, the embedded single node. The run fails when a timer fired twice or not at all, or a task or mail is missing.
/// </summary>
internal sealed class DeadlinesScenario : IScenario
{
    public const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
          <process id="deadline" name="截止日督办" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="due"/>
            <intermediateCatchEvent id="due"><timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="due" targetRef="escalate"/>
            <userTask id="escalate" name="逾期督办" camunda:assignee="zhou.office"/>
            <sequenceFlow id="f3" sourceRef="escalate" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    public string Name => "deadlines";

    public string Description => "mass deadlines: N timers due at one instant, fired by 2 Host processes on PostgreSQL (and 1 on SQLite); pgbench beside";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("instances", 100_000, 1, "instances waiting on PostgreSQL"),
        new("hosts", 2, 1, "Host processes on the PostgreSQL database"),
        new("sqlite-instances", 10_000, 0, "instances waiting on SQLite (0 skips SQLite)"),
        new("timeout", 600, 10, "seconds to wait for every timer before the run fails"),
        new("pgbench-clients", 16, 1, "pgbench -c"),
        new("pgbench-seconds", 20, 1, "pgbench -T"),
        new("pgbench-scale", 4, 1, "pgbench -i -s"),
    ];

    public IReadOnlyList<BenchTextOption> TextOptions { get; } =
    [
        new("postgres", "Npgsql connection string of a role that may CREATE DATABASE; without it PostgreSQL is skipped"),
        new("pgbench", "path of pgbench (default: the newest under /usr/lib/postgresql/*/bin)"),
    ];

    public int Run(BenchOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        output.WriteLine($"FourDuty.Bench deadlines, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        var program = HostNode.FindProgram();
        // Relative to the repository: a result file names no path of the machine that made it.
        output.WriteLine($"host     {(ExternalProgram.RepositoryRoot() is { } root ? Path.GetRelativePath(root, program) : program)}");
        output.Flush();
        var sound = true;
        if (options.Text("postgres") is { } postgres)
        {
            sound &= await RunPostgresAsync(postgres, program, options, output);
        }

        if (options["sqlite-instances"] > 0)
        {
            sound &= await RunSqliteAsync(program, options, output);
        }

        output.WriteLine($"load     {MachineFacts.Load} at end");
        output.WriteLine(sound ? "result   sound" : "result   FAILED (see above)");
        return sound ? 0 : 1;
    }

    private static async Task<bool> RunPostgresAsync(string connectionString, string program, BenchOptions options, TextWriter output)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var n = options["instances"];
        var database = await FreshDatabaseAsync(server, "fourduty_deadlines");
        var pgbenchDatabase = await FreshDatabaseAsync(server, "fourduty_deadlines_pgbench");
        var pgbench = Pgbench.Run(options.Text("pgbench") ?? Pgbench.Find() ?? "pgbench", pgbenchDatabase, options["pgbench-scale"],
            options["pgbench-clients"], options["pgbench-seconds"]);
        output.WriteLine($"\npgbench  {pgbench.Command}\n         {(pgbench.Tps is { } tps ? $"{tps:N0} transactions/s" : "failed:\n" + pgbench.Output)}");
        output.Flush();

        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database.ConnectionString };
        var nodes = new List<HostNode> { HostNode.Start(program, settings) };
        try
        {
            await nodes[0].WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            var template = await StartTemplateAsync(engine => engine.Storage.PostgresConnectionString = database.ConnectionString);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var copying = Stopwatch.StartNew();
            await InstanceCloner.CloneOnPostgresAsync(connection, template, n - 1);
            output.WriteLine($"\nPostgreSQL: {n:N0} instances waiting on timer 'due' (1 started, {n - 1:N0} copied in {copying.Elapsed.TotalSeconds:N0} s); {options["hosts"]} Host processes");
            for (var i = 1; i < options["hosts"]; i++)
            {
                nodes.Add(HostNode.Start(program, settings));
            }

            await Task.WhenAll(nodes.Select(node => node.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3))));
            var cpuBefore = nodes.Select(node => node.Cpu()).ToList();
            output.WriteLine($"load     {MachineFacts.Load} when the timers fall due");
            await Sql(connection, "UPDATE fourduty.timers SET due_at = now() WHERE element_id = 'due'");
            var clock = Stopwatch.StartNew();
            var done = await WaitAsync(() => ScalarAsync(connection, "SELECT count(*) FROM fourduty.user_tasks WHERE element_id = 'escalate'"), n,
                TimeSpan.FromSeconds(options["timeout"]), output);
            var elapsed = clock.Elapsed;
            var cpu = nodes.Select((node, i) => (node.Cpu() - cpuBefore[i]).TotalSeconds).ToList();
            output.WriteLine($"fired    {done:N0} of {n:N0} timers in {elapsed.TotalSeconds:N1} s: {done / elapsed.TotalSeconds:N0} timers/s " +
                $"({(pgbench.Tps is { } t ? $"{done / elapsed.TotalSeconds / t:N2} of pgbench's rate" : "no pgbench figure")}); goal: all within 60 s");
            output.WriteLine($"nodes    CPU seconds while firing: {string.Join(", ", cpu.Select((c, i) => $"node {i + 1} {c:N1}"))} (both share the work when both used CPU)");
            var sound = await CheckAsync(n, (label, sql) => ScalarAsync(connection, sql), "fourduty.", output);
            output.WriteLine($"load     {MachineFacts.Load} after firing");
            return sound && done == n;
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (node.HasExited)
                {
                    output.WriteLine($"node on port {node.Port} had exited:\n{node.Tail()}");
                }

                await node.DisposeAsync();
            }
        }
    }

    private static async Task<bool> RunSqliteAsync(string program, BenchOptions options, TextWriter output)
    {
        var n = options["sqlite-instances"];
        var folder = Directory.CreateTempSubdirectory("fourduty-bench-deadlines-sqlite-").FullName;
        var file = Path.Combine(folder, "fourduty.db");
        var connectionString = $"Data Source={file}";
        await using var node = HostNode.Start(program, new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = connectionString });
        try
        {
            await node.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            var template = await StartTemplateAsync(engine => engine.Storage.SqliteConnectionString = connectionString);
            await using var connection = new SqliteConnection(connectionString + ";Default Timeout=60");
            await connection.OpenAsync();
            await InstanceCloner.CloneOnSqliteAsync(connection, template, n - 1);
            output.WriteLine($"\nSQLite: {n:N0} instances waiting on timer 'due' in {file}; one Host process (the embedded mode)");
            output.WriteLine($"load     {MachineFacts.Load} when the timers fall due");
            var cpuBefore = node.Cpu();
            await Sql(connection, $"UPDATE timers SET due_at = {DateTimeOffset.UtcNow.UtcTicks} WHERE element_id = 'due'");
            var clock = Stopwatch.StartNew();
            var done = await WaitAsync(() => ScalarAsync(connection, "SELECT count(*) FROM user_tasks WHERE element_id = 'escalate'"), n,
                TimeSpan.FromSeconds(options["timeout"]), output);
            var elapsed = clock.Elapsed;
            output.WriteLine($"fired    {done:N0} of {n:N0} timers in {elapsed.TotalSeconds:N1} s: {done / elapsed.TotalSeconds:N0} timers/s; goal: all within 60 s; " +
                $"node CPU {(node.Cpu() - cpuBefore).TotalSeconds:N1} s");
            return await CheckAsync(n, (label, sql) => ScalarAsync(connection, sql), "", output) && done == n;
        }
        finally
        {
            if (node.HasExited)
            {
                output.WriteLine($"node had exited:\n{node.Tail()}");
            }
        }
    }

    // The invariants, read from the database: every timer fired exactly once, and wrote its task and its mail.
    internal static async Task<bool> CheckAsync(int n, Func<string, string, Task<long>> scalar, string schema, TextWriter output)
    {
        // A step's history events are one JSON array per row (history_steps): PostgreSQL and SQLite each unfold it their own way.
        var firings = schema == ""
            ? "SELECT s.instance_id FROM history_steps s, json_each(s.events) e WHERE e.value ->> 'type' = 'TimerFired' AND e.value ->> 'element' = 'due'"
            : $"SELECT s.instance_id FROM {schema}history_steps s, json_array_elements(s.events::json) e WHERE e ->> 'type' = 'TimerFired' AND e ->> 'element' = 'due'";
        var twice = await scalar("twice", $"SELECT count(*) FROM (SELECT instance_id FROM ({firings}) f GROUP BY instance_id HAVING count(*) > 1) x");
        var fired = await scalar("fired", $"SELECT count(DISTINCT instance_id) FROM ({firings}) f");
        var tasks = await scalar("tasks", $"SELECT count(DISTINCT instance_id) FROM {schema}user_tasks WHERE element_id = 'escalate'");
        var mails = await scalar("mails", $"SELECT count(*) FROM {schema}outbox o JOIN {schema}user_tasks t ON t.id = o.task_id WHERE t.element_id = 'escalate'");
        var left = await scalar("left", $"SELECT count(*) FROM {schema}timers WHERE element_id = 'due'");
        var claims = await scalar("claims", $"SELECT count(*) FROM {schema}timers WHERE claimed_by IS NOT NULL");
        var sound = twice == 0 && fired == n && tasks == n && mails == n && left == 0;
        output.WriteLine($"checked  fired once: {fired:N0}, fired twice: {twice}, escalation tasks: {tasks:N0}, their mails in the outbox: {mails:N0}, " +
            $"timers left: {left}, claims left: {claims} — {(sound ? "as expected" : "BROKEN")}");
        return sound;
    }

    internal static async Task<long> WaitAsync(Func<Task<long>> count, int n, TimeSpan timeout, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        long done;
        while ((done = await count()) < n && clock.Elapsed < timeout)
        {
            if (clock.Elapsed - reported >= TimeSpan.FromSeconds(10))
            {
                reported = clock.Elapsed;
                output.WriteLine($"         {clock.Elapsed.TotalSeconds,5:N0} s: {done:N0} fired; load {MachineFacts.Load}");
                output.Flush();
            }

            await Task.Delay(200);
        }

        return done;
    }

    internal static async Task<Guid> StartTemplateAsync(Action<EngineSetup> storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(storage);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ProcessEngine>();
        var deployed = await engine.DeployAsync([new DeploymentResource("deadline.bpmn", Model)]);
        if (!deployed.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", deployed.Problems));
        }

        return await engine.StartAsync("deadline", "deadline");
    }

    internal static async Task<NpgsqlConnectionStringBuilder> FreshDatabaseAsync(NpgsqlConnectionStringBuilder server, string name)
    {
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await Sql(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await Sql(admin, $"CREATE DATABASE {name}");
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
    }

    internal static async Task Sql(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
