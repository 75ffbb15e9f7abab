using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FourDuty.Bench.Load;
using Npgsql;
using static FourDuty.Bench.Scenarios.DeadlinesScenario;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Many waiting instances and the pages under load (issue 15). A Host process on PostgreSQL holds a million open tasks of
/// other people (one instance started through the API, copied in SQL); then a thousand tasks are started through the API for
/// the college's people, whose mails (pickup folder) carry the task links. Measured through HTTP as users reach it: a
/// person's inbox (<c>GET /api/inbox</c>) and the task page a mail opens (<c>GET /t/{token}</c>), one request at a time;
/// the same task page by 200 clients at once, then 200 clients completing the mailed tasks
/// (<c>POST /t/{token}/complete</c>); how long a second node takes to start on the full database; the node's memory.
/// Fails when an answer is not what a user would get (not 200/204, a task not completed, an inbox without its tasks).
/// </summary>
internal sealed partial class InboxScenario : IScenario
{
    private const string AdminPassword = "Bench-Admin-Password-2026!";
    private const string PeoplePassword = "bench-password-for-people";

    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
          <process id="inbox-bench" name="材料审阅" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <userTask id="review" name="审阅材料" camunda:assignee="${assignee}" camunda:formKey="camunda-forms:deployment:bench-review.form"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string Form = """
        {"type":"default","id":"bench-review","schemaVersion":16,"components":[
          {"type":"textfield","key":"comment","label":"审阅意见","validate":{"required":true}}]}
        """;

    public string Name => "inbox";

    public string Description => "a million open tasks: a person's inbox and the task page one at a time and by 200 clients, completions by 200 clients, node start and memory; pgbench beside";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("tasks", 1_000_000, 1, "open tasks of other people in the database"),
        new("links", 1_000, 10, "tasks started through the API, each mailed with its link, completed under load"),
        new("warmup", 500, 0, "more such tasks completed by the same clients before the measured ones, unmeasured (the node's JIT at work on a cold path is not its steady state)"),
        new("clients", 200, 1, "concurrent clients for the pages under load"),
        new("seconds", 20, 1, "how long the 200 clients read the task page"),
        new("pause", 1000, 0, "milliseconds each client waits between its requests, as a person does (0: none, a closed loop)"),
        new("requests", 200, 10, "measured requests one at a time (after 20 unmeasured)"),
        new("pgbench-clients", 16, 1, "pgbench -c"),
        new("pgbench-seconds", 20, 1, "pgbench -T"),
        new("pgbench-scale", 4, 1, "pgbench -i -s"),
    ];

    public IReadOnlyList<BenchTextOption> TextOptions { get; } =
    [
        new("postgres", "Npgsql connection string of a role that may CREATE DATABASE (required)"),
        new("pgbench", "path of pgbench (default: the newest under /usr/lib/postgresql/*/bin)"),
    ];

    public int Run(BenchOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        output.WriteLine($"FourDuty.Bench inbox, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        var server = new NpgsqlConnectionStringBuilder(options.Text("postgres") ?? throw new BenchUsageException("--postgres is required"));
        var database = await FreshDatabaseAsync(server, "fourduty_inbox");
        var pgbenchDatabase = await FreshDatabaseAsync(server, "fourduty_inbox_pgbench");
        var pgbench = Pgbench.Run(options.Text("pgbench") ?? Pgbench.Find() ?? "pgbench", pgbenchDatabase, options["pgbench-scale"],
            options["pgbench-clients"], options["pgbench-seconds"]);
        output.WriteLine($"pgbench  {pgbench.Command}\n         {(pgbench.Tps is { } tps ? $"{tps:N0} transactions/s" : "failed:\n" + pgbench.Output)}");
        output.Flush();

        // The node gets the connection string a college would give it: Npgsql's default pool (100), not the bench's own 200,
        // which with the second node and Hangfire would ask PostgreSQL for more connections than it allows.
        var nodeDatabase = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        nodeDatabase.Remove("Maximum Pool Size");
        var mailFolder = Directory.CreateTempSubdirectory("fourduty-bench-inbox-mail-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = nodeDatabase.ConnectionString,
            ["Mail:PickupFolder"] = mailFolder,
            // One loopback address for every client: the per-address limits are for people, not for a load generator.
            ["Security:TaskLinkPostsPerMinute"] = "10000000",
            ["Security:SignInPerMinute"] = "1000",
        };
        var program = HostNode.FindProgram();
        var starting = Stopwatch.StartNew();
        await using var node = HostNode.Start(program, settings);
        await node.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        var emptyStart = starting.Elapsed;
        var sound = true;
        try
        {
            using var admin = await SignedInClient.SignInAsync(node.BaseAddress, "admin", AdminPassword);
            var people = await admin.GetFromJsonAsync<JsonArray>("/api/people") ?? [];
            await SetPasswordAsync(admin, "xu.office");
            using var office = await SignedInClient.SignInAsync(node.BaseAddress, "xu.office", PeoplePassword);
            await DeployAsync(office);

            // A million open tasks of other people: one instance through the API, copied in SQL, spread over 5,000 ids.
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var n = options["tasks"];
            var template = await StartAsync(office, "bulk", "bulk");
            var copying = Stopwatch.StartNew();
            await InstanceCloner.CloneOnPostgresAsync(connection, template, n - 1);
            await Sql(connection, "UPDATE fourduty.user_tasks SET assignee = 'p' || (abs(hashtext(id::text)) % 5000) WHERE assignee = 'bulk'; ANALYZE fourduty.user_tasks;");
            output.WriteLine($"\n{n:N0} open tasks of 5,000 other people (1 started, {n - 1:N0} copied in {copying.Elapsed.TotalSeconds:N0} s)");

            // The tasks people open from their mail: started through the API for the college's people in turn.
            var ids = people.Select(p => p!["id"]!.GetValue<string>()).ToList();
            var measured = options["links"];
            var warmup = options["warmup"];
            var links = measured + warmup;
            var mailed = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, links), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) => await StartAsync(office, ids[i % ids.Count], $"审阅-{i}"));
            var tokens = await MailedLinksAsync(mailFolder, links, TimeSpan.FromMinutes(10));
            output.WriteLine($"{links:N0} tasks started through the API for {ids.Count} people and mailed with their links in {mailed.Elapsed.TotalSeconds:N1} s " +
                $"({warmup:N0} of them to warm the completion path up)");
            var open = await ScalarAsync(connection, "SELECT count(*) FROM fourduty.user_tasks WHERE status = 'Open'");
            output.WriteLine($"database {open:N0} open tasks, {await ScalarAsync(connection, "SELECT pg_database_size(current_database()) / 1048576"):N0} MB");

            // A node starting on the full database: nothing may scan the tasks at start.
            starting.Restart();
            await using (var second = HostNode.Start(program, settings))
            {
                await second.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
                output.WriteLine($"start    a second node healthy in {starting.Elapsed.TotalSeconds:N1} s on {open:N0} open tasks " +
                    $"(the first, on an empty database with its migrations and seeding: {emptyStart.TotalSeconds:N1} s); its memory {second.ResidentMegabytes():N0} MB");
            }

            var person = ids[0];
            await SetPasswordAsync(admin, person);
            using var leader = await SignedInClient.SignInAsync(node.BaseAddress, person, PeoplePassword);
            var expected = Enumerable.Range(0, links).Count(i => i % ids.Count == 0);
            var inbox = await leader.GetFromJsonAsync<JsonObject>("/api/inbox");
            var mine = inbox!["tasks"]!.AsArray().Count(t => t!["relation"]!.GetValue<string>() == "mine");
            sound &= Check(output, mine == expected, $"inbox    {person}'s inbox lists {mine} own tasks; expected {expected}");
            var memoryBefore = node.ResidentMegabytes();

            var inboxTimes = await OneAtATimeAsync(options["requests"], _ => leader.GetAsync("/api/inbox"));
            var tokenList = tokens.ToList();
            using var stranger = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var pageTimes = await OneAtATimeAsync(options["requests"], i => stranger.GetAsync($"/t/{tokenList[i % tokenList.Count]}"));
            output.WriteLine($"\none request at a time, {options["requests"]} measured after 20 unmeasured (goal: median under 20 ms)");
            output.WriteLine($"inbox    GET /api/inbox ({expected} tasks of {person}):   {inboxTimes.Summary}");
            output.WriteLine($"page     GET /t/{{token}} (the mailed task page): {pageTimes.Summary}");
            sound &= Check(output, inboxTimes.Failures == 0 && pageTimes.Failures == 0, "answers  every one 200");

            var clients = options["clients"];
            var pause = TimeSpan.FromMilliseconds(options["pause"]);
            output.WriteLine($"\n{clients} clients at once, each pausing {pause.TotalMilliseconds:N0} ms between its requests as a person does " +
                "(the load generator shares the 2 cores with the node and PostgreSQL)");
            output.WriteLine($"load     {MachineFacts.Load} before");
            var reads = await ConcurrentReadsAsync(node.BaseAddress, tokenList, clients, TimeSpan.FromSeconds(options["seconds"]), pause);
            output.WriteLine($"page     GET /t/{{token}} for {options["seconds"]} s: {reads.Summary}; goal p99 under 50 ms");
            var warm = await ConcurrentCompletionsAsync(node.BaseAddress, tokenList[..warmup], clients, pause);
            output.WriteLine($"warm-up  POST /t/{{token}}/complete, {warmup:N0} tasks, unmeasured ({warm.Summary})");
            var completions = await ConcurrentCompletionsAsync(node.BaseAddress, tokenList[warmup..], clients, pause);
            output.WriteLine($"complete POST /t/{{token}}/complete, {measured:N0} tasks: {completions.Summary}; goal p99 under 150 ms");
            output.WriteLine($"load     {MachineFacts.Load} after");
            var completed = await ScalarAsync(connection,
                "SELECT count(*) FROM fourduty.user_tasks t JOIN fourduty.instances i ON i.id = t.instance_id WHERE t.status = 'Completed' AND i.business_key LIKE '审阅-%'");
            var ended = await ScalarAsync(connection, "SELECT count(*) FROM fourduty.instances WHERE business_key LIKE '审阅-%' AND status = 'Completed'");
            sound &= Check(output, reads.Failures == 0 && warm.Failures + completions.Failures == 0 && completed == links && ended == links,
                $"checked  failed reads {reads.Failures}, failed completions {warm.Failures + completions.Failures}; mailed tasks completed {completed:N0} of {links:N0}, their instances ended {ended:N0}");
            output.WriteLine($"memory   node {memoryBefore:N0} MB before the load, {node.ResidentMegabytes():N0} MB after (flat: nothing loads the million)");
        }
        finally
        {
            if (node.HasExited)
            {
                output.WriteLine($"node had exited:\n{node.Tail()}");
            }

            Directory.Delete(mailFolder, recursive: true);
        }

        output.WriteLine($"load     {MachineFacts.Load} at end");
        output.WriteLine(sound ? "result   sound" : "result   FAILED (see above)");
        return sound ? 0 : 1;
    }

    private static bool Check(TextWriter output, bool holds, string line)
    {
        output.WriteLine($"{line} — {(holds ? "as expected" : "BROKEN")}");
        return holds;
    }

    private static async Task SetPasswordAsync(HttpClient admin, string person)
    {
        using var set = await admin.PutAsJsonAsync($"/api/accounts/{person}/password", new { password = PeoplePassword });
        if (!set.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting {person}'s password answered {(int)set.StatusCode}: {await set.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task DeployAsync(HttpClient designer)
    {
        using var deployed = await designer.PostAsync("/api/deployments", new MultipartFormDataContent
        {
            { new StringContent(Model, Encoding.UTF8, "application/xml"), "file", "inbox-bench.bpmn" },
            { new StringContent(Form, Encoding.UTF8, "application/json"), "file", "bench-review.form" },
        });
        if (deployed.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The deployment answered {(int)deployed.StatusCode}: {await deployed.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<Guid> StartAsync(HttpClient office, string assignee, string businessKey)
    {
        using var started = await office.PostAsJsonAsync("/api/definitions/inbox-bench/start",
            new { businessKey, variables = new Dictionary<string, object> { ["assignee"] = assignee } });
        if (started.StatusCode != HttpStatusCode.Created || started.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"The start answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        }

        return Guid.Parse(location.OriginalString.Split('/')[^1]);
    }

    // The links in the mails the node wrote to its pickup folder, as the people's mail programs show them.
    private static async Task<IReadOnlyCollection<string>> MailedLinksAsync(string folder, int count, TimeSpan timeout)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        for (var deadline = DateTime.UtcNow + timeout; tokens.Count < count && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            foreach (var file in Directory.GetFiles(folder, "*.eml").Where(read.Add))
            {
                var html = MimeKit.MimeMessage.Load(file).HtmlBody ?? "";
                if (TaskLink().Match(html) is { Success: true } link)
                {
                    tokens.Add(link.Groups["token"].Value);
                }
            }
        }

        return tokens.Count >= count ? tokens : throw new TimeoutException($"Only {tokens.Count} of {count} task mails arrived within {timeout}.");
    }

    private static async Task<Latencies> OneAtATimeAsync(int requests, Func<int, Task<HttpResponseMessage>> send)
    {
        var times = new List<double>();
        var failures = 0;
        for (var i = -20; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send(i + 20);
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }
        }

        return new Latencies(times, failures, null);
    }

    private static async Task<Latencies> ConcurrentReadsAsync(Uri node, IReadOnlyList<string> tokens, int clients, TimeSpan duration, TimeSpan pause)
    {
        using var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };
        var times = new ConcurrentBag<double>();
        var failures = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            // The clients start spread over one pause, so that they do not all ask in the same millisecond.
            await Task.Delay(pause * c / clients);
            for (var i = c; wall.Elapsed < duration; i += clients)
            {
                await Task.Delay(i == c ? TimeSpan.Zero : pause);
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync($"/t/{tokens[i % tokens.Count]}");
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new Latencies([.. times], failures, wall.Elapsed);
    }

    // Each client as a leader's browser: reads the task (its form and the antiforgery token, with its cookie), then posts
    // the form's values; only the POST is timed.
    private static async Task<Latencies> ConcurrentCompletionsAsync(Uri node, IReadOnlyList<string> tokens, int clients, TimeSpan pause)
    {
        var queue = new ConcurrentQueue<string>(tokens);
        var times = new ConcurrentBag<double>();
        var failures = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            await Task.Delay(pause * c / clients);
            for (var first = true; queue.TryDequeue(out var token); first = false)
            {
                await Task.Delay(first ? TimeSpan.Zero : pause);
                using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() })
                {
                    BaseAddress = node,
                    Timeout = TimeSpan.FromMinutes(2),
                };
                var task = await client.GetFromJsonAsync<JsonObject>($"/t/{token}/task");
                var antiforgery = task!["antiforgery"]!;
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{token}/complete")
                {
                    Content = JsonContent.Create(new { variables = new { comment = "已阅，同意" } }),
                };
                request.Headers.Add(antiforgery["header"]!.GetValue<string>(), antiforgery["token"]!.GetValue<string>());
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new Latencies([.. times], failures, wall.Elapsed);
    }

    [GeneratedRegex(@"/t/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex TaskLink();

    private sealed record Latencies(List<double> Times, int Failures, TimeSpan? Wall)
    {
        public string Summary
        {
            get
            {
                var sorted = Times.Order().ToList();
                double At(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
                var rate = Wall is { } wall ? $", {sorted.Count / wall.TotalSeconds:N0} requests/s" : "";
                return $"median {At(0.5):N1} ms, p95 {At(0.95):N1} ms, p99 {At(0.99):N1} ms over {sorted.Count:N0}{rate}, {Failures} failed";
            }
        }
    }
}
