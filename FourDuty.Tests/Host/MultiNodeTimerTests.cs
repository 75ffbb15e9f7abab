using System.Net.Http.Json;
using System.Text;
using FourDuty.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace FourDuty.Tests.Host;

/// <summary>
/// Two Host processes on one PostgreSQL database share the timers through Hangfire; each timer fires exactly
/// once, and when one node is killed outright the other finishes the work (the sweep re-drives what the dead
/// node had taken).
/// </summary>
public sealed class MultiNodeTimerTests(ITestOutputHelper output)
{
    private const int Instances = 1000;

    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="tick" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT0S</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    [SkippableFact]
    public async Task TwoNodes_FireThousandTimersExactlyOnce_EvenWhenOneIsKilled()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("timers");
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = connectionString };
        await using var first = HostProcess.Start(settings);
        await using var second = HostProcess.Start(settings);
        await Task.WhenAll(first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));
        using var client = await second.SignInAsync("zhou.office");
        (await client.PostAsync("/api/deployments", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();

        for (var batch = 0; batch < Instances; batch += 25)
        {
            await Task.WhenAll(Enumerable.Range(batch, 25).Select(async i =>
                (await client.PostAsJsonAsync("/api/definitions/tick/start", new { businessKey = $"i{i}" })).EnsureSuccessStatusCode()));
        }

        await WaitUntilAsync(connectionString, completed => completed >= 100, TimeSpan.FromMinutes(2));
        first.Kill();
        output.WriteLine($"killed the first node after {await CompletedAsync(connectionString)} completions");

        await WaitUntilAsync(connectionString, completed => completed == Instances, TimeSpan.FromMinutes(4));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var firings = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE n <> 1), count(*) FROM (SELECT instance_id, count(*) AS n FROM fourduty.history WHERE type = 'TimerFired' GROUP BY instance_id) f",
            connection);
        await using var reader = await firings.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).ShouldBe(0L, "every timer fires exactly once");
        reader.GetInt64(1).ShouldBe((long)Instances);
        second.HasExited.ShouldBeFalse(second.Output);
    }

    private async Task WaitUntilAsync(string connectionString, Func<long, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long completed;
        while (!done(completed = await CompletedAsync(connectionString)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {completed} of {Instances} instances completed within {timeout}");
            }

            await Task.Delay(500);
        }

        output.WriteLine($"{completed} instances completed");
    }

    private static async Task<long> CompletedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM fourduty.instances WHERE status = 'Completed'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
