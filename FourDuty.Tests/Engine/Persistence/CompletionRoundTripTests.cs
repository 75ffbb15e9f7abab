using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Time;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// Issue 15: a completion through the API costs one read and one write on a warm cache, with a form key or without —
/// the form deployed with the process is found once per engine, not read again (with the definition's row) in every
/// step that checks a submission; a completion through a mailed link the same, its token checked inside that one read;
/// and a step that fires a batch of timers reads all their instances at once. Counted as Npgsql sends them, on PostgreSQL.
/// </summary>
public sealed class CompletionRoundTripTests
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="review" name="审阅" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            <userTask id="t" name="审阅材料" camunda:assignee="p7" camunda:formKey="camunda-forms:deployment:review-form.form"/>
            <sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private const string Form = """
        {"type":"default","id":"review-form","schemaVersion":16,"components":[
          {"type":"textfield","key":"comment","label":"审阅意见","validate":{"required":true}}]}
        """;

    [SkippableFact]
    public async Task CompletingATaskWithAForm_OnAWarmCache_IsOneReadAndOneWrite()
    {
        var (provider, connectionString) = await ReviewEngineAsync("roundtrips");
        await using var disposed = provider;
        var engine = provider.GetRequiredService<ProcessEngine>();
        var comment = new Dictionary<string, JsonNode?> { ["comment"] = "同意" };
        // The first completion warms the caches (the parsed process, the form of its deployment).
        await engine.CompleteTaskAsync(await OpenTaskAsync(engine, await engine.StartAsync("review", "first")), comment, "p7");
        var second = await engine.StartAsync("review", "second");
        var task = await OpenTaskAsync(engine, second);

        List<string> roundTrips;
        using (var counted = new RoundTrips(connectionString))
        {
            await engine.CompleteTaskAsync(task, comment, "p7");
            roundTrips = counted.Sent;
        }

        roundTrips.Count.ShouldBe(2, string.Join("\n---\n", roundTrips));
        roundTrips.ShouldNotContain(sql => sql.Contains("\"forms\"", StringComparison.Ordinal) || sql.Contains("process_definitions", StringComparison.Ordinal),
            string.Join("\n---\n", roundTrips));
        // Decision 0034: the read is one statement (the nine tables as one result) and so is the write (its parts in one WITH).
        roundTrips.ShouldAllBe(sql => Statements(sql) == 1, string.Join("\n---\n", roundTrips));
        (await engine.Queries.GetInstanceAsync(second)).ShouldNotBeNull().Instance.EndedAt.ShouldNotBeNull("the completion ended the instance");
    }

    [SkippableFact]
    public async Task CompletingATaskThroughItsLink_OnAWarmCache_IsOneReadWithTheTokenCheckAndOneWrite()
    {
        var (provider, connectionString) = await ReviewEngineAsync("roundtrips-link");
        await using var disposed = provider;
        var engine = provider.GetRequiredService<ProcessEngine>();
        var comment = new Dictionary<string, JsonNode?> { ["comment"] = "同意" };
        var expires = engine.Clock.GetUtcNow().AddDays(7);
        await engine.RegisterTaskLinkAsync("first-link", await OpenTaskAsync(engine, await engine.StartAsync("review", "first")), "p7", expires);
        (await engine.CompleteTaskByLinkAsync("first-link", comment)).Status.ShouldBe(TaskLinkStatus.CompletedNow);
        var second = await engine.StartAsync("review", "second");
        await engine.RegisterTaskLinkAsync("second-link", await OpenTaskAsync(engine, second), "p7", expires);

        List<string> roundTrips;
        TaskLinkState state;
        using (var counted = new RoundTrips(connectionString))
        {
            state = await engine.CompleteTaskByLinkAsync("second-link", comment);
            roundTrips = counted.Sent;
        }

        state.Status.ShouldBe(TaskLinkStatus.CompletedNow);
        state.Person.ShouldBe("p7");
        roundTrips.Count.ShouldBe(2, string.Join("\n---\n", roundTrips));
        roundTrips[0].ShouldContain("task_links", customMessage: "the token is checked in the completion's one read");
        (await engine.Queries.GetInstanceAsync(second)).ShouldNotBeNull().Instance.EndedAt.ShouldNotBeNull("the completion ended the instance");
        (await engine.CompleteTaskByLinkAsync("second-link", comment)).Status.ShouldBe(TaskLinkStatus.AlreadyCompleted, "a link completes its task once");
        (await engine.CompleteTaskByLinkAsync("no-such-link", comment)).Status.ShouldBe(TaskLinkStatus.Unknown);
    }

    [SkippableFact]
    public async Task FiringABatchOfTimers_ReadsAllTheirInstancesInOneRoundTrip()
    {
        const string timerModel = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="deadline" isExecutable="true">
                <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="due"/>
                <intermediateCatchEvent id="due"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="due" targetRef="escalate"/>
                <userTask id="escalate" name="督办" camunda:assignee="p7" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"/>
                <sequenceFlow id="f3" sourceRef="escalate" targetRef="e"/><endEvent id="e"/>
              </process>
            </definitions>
            """;
        var clock = new SimulatedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var connectionString = await TestPostgres.CreateDatabaseAsync("roundtrips-timers");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine =>
        {
            engine.Storage.PostgresConnectionString = connectionString;
            engine.Clock = clock;
            engine.DueWork.TimersPerStep = 10;
            engine.DueWork.TimerParallelism = 1;
            engine.JobDriver = JobDriver.Hangfire;
        });
        await using var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var engine = provider.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("deadline.bpmn", timerModel)])).Problems.ShouldBeEmpty();
        var instances = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            instances.Add(await engine.StartAsync("deadline", $"d-{i}"));
        }

        var dueWork = provider.GetRequiredService<DueWork>();
        await dueWork.HeartbeatAsync(CancellationToken.None);
        clock.MoveTo(clock.GetUtcNow().AddHours(1));

        List<string> roundTrips;
        using (var counted = new RoundTrips(connectionString))
        {
            (await dueWork.FireTimersAsync(CancellationToken.None)).ShouldBe(10);
            roundTrips = counted.Sent;
        }

        roundTrips.Count(sql => sql.Contains("FROM \"fourduty\".\"instances\"", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n---\n", roundTrips));
        foreach (var instance in instances)
        {
            (await engine.Queries.ListTasksAsync(new(InstanceId: instance))).ShouldHaveSingleItem().ElementId.ShouldBe("escalate");
        }
    }

    [SkippableFact]
    public async Task ASubmissionThatBreaksTheForm_IsStillRefused_OnAWarmCache()
    {
        var (provider, _) = await ReviewEngineAsync("roundtrips-refused");
        await using var disposed = provider;
        var engine = provider.GetRequiredService<ProcessEngine>();
        await engine.CompleteTaskAsync(await OpenTaskAsync(engine, await engine.StartAsync("review", "first")),
            new Dictionary<string, JsonNode?> { ["comment"] = "同意" }, "p7");
        var task = await OpenTaskAsync(engine, await engine.StartAsync("review", "second"));

        var refused = await Should.ThrowAsync<EngineException>(() => engine.CompleteTaskAsync(task, new Dictionary<string, JsonNode?>(), "p7"));

        refused.Error.ShouldBe(EngineErrors.InvalidForm);
        refused.Message.ShouldContain("审阅意见");
    }

    // An engine on a fresh PostgreSQL database with the review process and its form deployed.
    private static async Task<(ServiceProvider Provider, string ConnectionString)> ReviewEngineAsync(string purpose)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(purpose);
        var provider = await TestPostgres.EngineAsync(connectionString);
        var deployed = await provider.GetRequiredService<ProcessEngine>().DeployAsync(
            [new DeploymentResource("review.bpmn", Model), new DeploymentResource("review-form.form", Form)]);
        deployed.Problems.ShouldBeEmpty();
        return (provider, connectionString);
    }

    // A batch is reported as its statements, one per line, each ending in a semicolon but the last.
    private static int Statements(string sent) => sent.Split(";\n").Length;

    private static async Task<Guid> OpenTaskAsync(ProcessEngine engine, Guid instanceId) =>
        (await engine.Queries.ListTasksAsync(new(InstanceId: instanceId))).Single().Id;

    // What Npgsql sends to one database while it is alive: tests run in parallel in this process, so only that database's traffic counts.
    private sealed class RoundTrips : IDisposable
    {
        private readonly ConcurrentQueue<string> _sent = new();
        private readonly ActivityListener _listener;

        public RoundTrips(string connectionString)
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.TagObjects.Any(tag => tag.Value is string value && value == database))
                    {
                        _sent.Enqueue(activity.GetTagItem("db.statement") as string ?? activity.GetTagItem("db.query.text") as string ?? "");
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<string> Sent => [.. _sent];

        public void Dispose() => _listener.Dispose();
    }
}
