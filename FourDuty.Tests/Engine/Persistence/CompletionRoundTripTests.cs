using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// Issue 15: a completion through the API costs one read and one write on a warm cache, with a form key or without —
/// the form deployed with the process is found once per engine, not read again (with the definition's row) in every
/// step that checks a submission. Counted as Npgsql sends them, on PostgreSQL.
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

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Tests run in parallel in this process: only this test's database's traffic counts.
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => tag.Value is string value && value == database))
                {
                    sent.Enqueue(activity.GetTagItem("db.statement") as string ?? activity.GetTagItem("db.query.text") as string ?? "");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await engine.CompleteTaskAsync(task, comment, "p7");
        listener.Dispose();

        var roundTrips = sent.ToList();
        roundTrips.Count.ShouldBe(2, string.Join("\n---\n", roundTrips));
        roundTrips.ShouldNotContain(sql => sql.Contains("\"forms\"", StringComparison.Ordinal) || sql.Contains("process_definitions", StringComparison.Ordinal),
            string.Join("\n---\n", roundTrips));
        (await engine.Queries.GetInstanceAsync(second)).ShouldNotBeNull().Instance.EndedAt.ShouldNotBeNull("the completion ended the instance");
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
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine => engine.Storage.PostgresConnectionString = connectionString);
        var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var deployed = await provider.GetRequiredService<ProcessEngine>().DeployAsync(
            [new DeploymentResource("review.bpmn", Model), new DeploymentResource("review-form.form", Form)]);
        deployed.Problems.ShouldBeEmpty();
        return (provider, connectionString);
    }

    private static async Task<Guid> OpenTaskAsync(ProcessEngine engine, Guid instanceId) =>
        (await engine.Queries.ListTasksAsync(new(InstanceId: instanceId))).Single().Id;
}
