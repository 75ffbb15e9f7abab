using System.Net;
using System.Security.Cryptography;
using System.Text;
using FourDuty.Engine;
using FourDuty.Host.Jobs;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Xunit.Abstractions;

namespace FourDuty.Tests.Host;

/// <summary>
/// Reading never writes: every GET and HEAD the service answers — each API operation, each page, the task link page —
/// is called with ids that exist, as a person holding every role, and the database must be byte-for-byte what it was:
/// the same rows in every table, and on PostgreSQL the same row versions (<c>xmin</c>), so that even an UPDATE that
/// writes the same values fails the test. A read that wrote would make a concurrent step on the same instance
/// conflict, and a mail scanner opening a link would change the task. The one write a read makes on purpose is the
/// audit trail's line for a download (a ledger, a report, the audit itself: who took data out, decisions 0013 and 0015);
/// those lines are left out, and any other line in the trail fails the test.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReadsChangeNothingTests(ITestOutputHelper output)
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="rectify" name="反馈整改" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
            <userTask id="report" name="报送整改情况" camunda:assignee="chen.deputy" camunda:formKey="camunda-forms:deployment:rectification-report.form"/>
            <sequenceFlow id="f2" sourceRef="report" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static readonly string Form = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Host/TaskPages/Fixtures/rectification-report.form"));

    [Fact]
    public async Task GetAndHead_OnEveryEndpointAndPage_LeaveTheSqliteDatabaseUnchanged()
    {
        await using var host = new FourDutyHostFactory();
        await WalkAsync(host, () => SqliteFingerprintAsync(host));
    }

    [SkippableFact]
    public async Task GetAndHead_OnEveryEndpointAndPage_LeaveThePostgresDatabaseUnchanged()
    {
        var database = await TestPostgres.CreateDatabaseAsync("reads");
        await using var host = new FourDutyHostFactory(database);
        await WalkAsync(host, () => PostgresFingerprintAsync(database));
    }

    private async Task WalkAsync(FourDutyHostFactory host, Func<Task<string>> fingerprint)
    {
        var engine = host.Services.GetRequiredService<ProcessEngine>();
        using var client = host.CreateClientWithRoles([.. AccessRole.All]);
        using var deployed = await client.PostAsync("/api/deployments", new MultipartFormDataContent
        {
            { new StringContent(Model, Encoding.UTF8, "application/xml"), "file", "rectify.bpmn" },
            { new StringContent(Form, Encoding.UTF8, "application/json"), "file", "rectification-report.form" },
        });
        deployed.StatusCode.ShouldBe(HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());
        var instance = await engine.StartAsync("rectify", "示范学院/巡察-3");
        var task = (await engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single().Id;
        var mail = await host.WaitForOutboxAsync(row => row.Status == FourDuty.Engine.Runtime.State.OutboxStatus.Sent);
        var token = TaskPageScraping.TaskLinkIn(MimeMessage.Load(Path.Combine(host.PickupFolder, $"{mail.Id:N}.eml")).HtmlBody ?? "").Split("/t/")[1];

        // The antiforgery key ring is made on first use, once for the service's life: that write is not a read's.
        (await client.GetAsync("/account/signin")).Dispose();
        var before = await fingerprint();

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/api/instances/{id}"] = instance.ToString(),
            ["/api/tasks/{id}"] = task.ToString(),
            ["/outbox/{id}"] = mail.Id.ToString(),
            ["{key}"] = "rectify",
            ["{token}"] = token,
        };
        var paths = ReadEndpoints(host).Select(pattern => Concrete(pattern, values)).Distinct().ToList();
        paths.ShouldContain($"/t/{token}");
        paths.ShouldContain($"/api/tasks/{task}/form");
        using var stranger = host.CreateClient();
        foreach (var path in paths)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, path));
                using var anonymous = await stranger.SendAsync(new HttpRequestMessage(method, path));
                output.WriteLine($"{method} {path}: {(int)response.StatusCode}, anonymously {(int)anonymous.StatusCode}");
            }
        }

        var after = await fingerprint();
        after.ShouldBe(before, "a GET or HEAD changed the database");
        (await engine.ReadTaskLinkAsync(FourDuty.Engine.Runtime.Tasks.TaskLinkTokens.Hash(token))).Status
            .ShouldBe(FourDuty.Engine.Runtime.Tasks.TaskLinkStatus.Open);
    }

    // Every route that answers GET (or any method), as its pattern.
    private static IEnumerable<string> ReadEndpoints(FourDutyHostFactory host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));

    // A pattern with the ids of the rows made above; an id of something not made here (an evidence file, a test-run) is a
    // fresh one, which is still a read that must change nothing.
    private static string Concrete(string pattern, Dictionary<string, string> values)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\*\*)?(?<name>[a-zA-Z]+)(:[a-z]+)?\??\}", m => "{" + m.Groups["name"].Value + "}");
        foreach (var (prefix, value) in values.Where(v => v.Key.StartsWith('/')))
        {
            if (path.StartsWith(prefix.Replace("{id}", "", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                path = path.Replace("{id}", value, StringComparison.Ordinal);
            }
        }

        foreach (var (name, value) in values.Where(v => v.Key.StartsWith('{')))
        {
            path = path.Replace(name, value, StringComparison.Ordinal);
        }

        path = path.Replace("{path}", "", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{[a-zA-Z]+\}", _ => Guid.NewGuid().ToString());
    }

    private static async Task<string> SqliteFingerprintAsync(FourDutyHostFactory host)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(host.SqliteFile)!, "*.db").Order(StringComparer.Ordinal))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('nodes', 'sqlite_sequence') ORDER BY name", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var rows = new SqliteCommand($"SELECT * FROM \"{table}\"{NotADownload(table)}", connection);
                await using var reader = await rows.ExecuteReaderAsync();
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    lines.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }

                lines.Sort(StringComparer.Ordinal);
                text.AppendLine($"{Path.GetFileName(file)} {table}: {lines.Count} rows, {Hash(string.Join("\n", lines))}");
            }
        }

        return text.ToString();
    }

    // Every table of every schema but Hangfire's and the nodes' heartbeats (both written on their own clock), with the row
    // count and a checksum over each row's text and its version: an UPDATE writing the same values still gives a new xmin.
    private static async Task<string> PostgresFingerprintAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand($"""
            SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema', '{JobsServiceCollectionExtensions.HangfireSchema}')
              AND tablename <> 'nodes' ORDER BY 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Count.ShouldBeGreaterThan(10);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(sum(hashtext(t::text || '@' || t.xmin::text)::bigint), 0) FROM {table} t{NotADownload(table)}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            text.AppendLine($"{table}: {reader.GetInt64(0)} rows, {reader.GetDecimal(1)}");
        }

        return text.ToString();
    }

    // A download's audit line is the one write a read makes on purpose.
    private static string NotADownload(string table) =>
        table.EndsWith("audit_entries", StringComparison.Ordinal) ? " WHERE operation NOT LIKE '%.export'" : "";

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
