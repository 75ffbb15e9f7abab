using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using FourDuty.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace FourDuty.Tests.Host;

/// <summary>
/// Two Host processes on one PostgreSQL database share the due timers (decision 0020); one is killed outright (SIGKILL)
/// in the middle of the work. Every timer still fires exactly once, each firing writes its task and its mail, the dead
/// node's claims are freed by the survivor within 30 s, and the survivor sends the mails. <c>bench/nodekill.sh</c> runs
/// this test four times with 2,000 instances (FOURDUTY_KILL_INSTANCES) and keeps the output.
/// </summary>
public sealed class MultiNodeTimerTests(ITestOutputHelper output)
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="tick" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="due"/>
            <intermediateCatchEvent id="due"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="due" targetRef="escalate"/>
            <userTask id="escalate" name="逾期督办" camunda:assignee="zhou.office"/>
            <sequenceFlow id="f3" sourceRef="escalate" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static int Instances =>
        int.TryParse(Environment.GetEnvironmentVariable("FOURDUTY_KILL_INSTANCES"), out var n) && n > 0 ? n : 600;

    [SkippableFact]
    public async Task TwoNodes_OneKilledMidWork_EveryTimerFiresOnce_AndTheDeadNodesClaimsAreFreedWithin30Seconds()
    {
        var instances = Instances;
        var connectionString = await TestPostgres.CreateDatabaseAsync("timers");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            // Small claims, so that both nodes hold some of the work when one dies; and one timer per step, one step at a time,
            // so that the work lasts long enough to be interrupted (600 timers in steps of ten, four at once, were all fired
            // within one 200 ms poll once the pool was sized to the machine, and the kill came after the work).
            ["Engine:DueWork:TimerBatch"] = "100",
            ["Engine:DueWork:TimersPerStep"] = "1",
            ["Engine:DueWork:TimerParallelism"] = "1",
        };
        await using var first = HostProcess.Start(settings);
        await using var second = HostProcess.Start(settings);
        // Two nodes starting at once on a busy two-core machine take their time (migration under a lock, seeding).
        await Task.WhenAll(first.WaitUntilHealthyAsync(TimeSpan.FromMinutes(4)), second.WaitUntilHealthyAsync(TimeSpan.FromMinutes(4)));
        using var client = await second.SignInAsync("zhou.office");
        (await client.PostAsync("/api/deployments", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        for (var batch = 0; batch < instances; batch += 25)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(25, instances - batch)).Select(async i =>
                (await client.PostAsJsonAsync("/api/definitions/tick/start", new { businessKey = $"i{i}" })).EnsureSuccessStatusCode()));
        }

        // The morning of the deadline: every timer falls due at once.
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await ExecuteAsync(db, "UPDATE fourduty.timers SET due_at = now() WHERE element_id = 'due'");
        await WaitUntilAsync(db, FiredSql, fired => fired >= instances / 10, TimeSpan.FromMinutes(3));

        var victim = await ScalarAsync(db, $"SELECT count(*) FROM fourduty.nodes WHERE name LIKE '%:{first.ProcessId}'");
        victim.ShouldBe(1L, "the node to be killed heart-beats under its host name and process id");
        first.Kill();
        var killed = Stopwatch.StartNew();
        var firedAtKill = await ScalarAsync(db, FiredSql);
        var held = await ScalarAsync(db, ClaimsOf(first.ProcessId));
        output.WriteLine($"killed the first node after {firedAtKill} of {instances} firings; it held {held} claims");
        firedAtKill.ShouldBeLessThan(instances, "the kill must happen in the middle of the work, not after it");

        await WaitUntilAsync(db, ClaimsOf(first.ProcessId), claims => claims == 0, TimeSpan.FromSeconds(60));
        output.WriteLine($"the dead node's claims were freed {killed.Elapsed.TotalSeconds:N1} s after the kill");
        killed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "a dead node's claims are freed within 30 s");

        await WaitUntilAsync(db, FiredSql, fired => fired == instances, TimeSpan.FromMinutes(5));
        (await ScalarAsync(db, $"SELECT count(*) FROM (SELECT instance_id FROM ({Firings}) f GROUP BY instance_id HAVING count(*) <> 1) f"))
            .ShouldBe(0L, "every timer fires exactly once");
        (await ScalarAsync(db, "SELECT count(DISTINCT instance_id) FROM fourduty.user_tasks WHERE element_id = 'escalate'")).ShouldBe((long)instances);
        (await ScalarAsync(db, "SELECT count(*) FROM fourduty.outbox o JOIN fourduty.user_tasks t ON t.id = o.task_id WHERE t.element_id = 'escalate'"))
            .ShouldBe((long)instances, "each escalation's mail was written with it");
        await WaitUntilAsync(db, "SELECT count(*) FROM fourduty.outbox WHERE status = 'Pending'", pending => pending == 0, TimeSpan.FromMinutes(5));
        (await ScalarAsync(db, "SELECT count(*) FROM fourduty.outbox WHERE status = 'Sent' AND task_id IS NOT NULL")).ShouldBe((long)instances, "the survivor sent every mail");
        second.HasExited.ShouldBeFalse(second.Output);
    }

    // Each step's history events are one JSON array in a row of history_steps.
    private const string Firings = """
        SELECT s.instance_id FROM fourduty.history_steps s, json_array_elements(s.events::json) e WHERE e ->> 'type' = 'TimerFired' AND e ->> 'element' = 'due'
        """;

    private const string FiredSql = $"SELECT count(*) FROM ({Firings}) f";

    // Timers and mails still claimed by the node with this process id (its row stays until a day after its last heartbeat).
    private static string ClaimsOf(int processId) => $"""
        SELECT (SELECT count(*) FROM fourduty.timers WHERE claimed_by IN (SELECT id FROM fourduty.nodes WHERE name LIKE '%:{processId}'))
             + (SELECT count(*) FROM fourduty.outbox WHERE claimed_by IN (SELECT id FROM fourduty.nodes WHERE name LIKE '%:{processId}'))
        """;

    private async Task WaitUntilAsync(NpgsqlConnection db, string sql, Func<long, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        long value;
        while (!done(value = await ScalarAsync(db, sql)))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"still {value} after {timeout}: {sql}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
