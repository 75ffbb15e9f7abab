using FourDuty.Engine;
using FourDuty.Engine.Persistence;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// With very many open tasks (issue 15: a million), a person's inbox — their open tasks, oldest first, the query behind
/// <c>GET /api/tasks?assignee=</c> — is found through the (status, assignee) index, never by scanning the table. Checked
/// with EXPLAIN on PostgreSQL over 200,000 tasks of 2,000 people. (A partial index in inbox order was tried: the planner
/// rightly prefers this one and a sort of a hundred rows, so it was not kept.)
/// </summary>
public sealed class InboxQueryPlanTests
{
    [SkippableFact]
    public async Task InboxOfOnePerson_IsFoundThroughTheAssigneeIndex_AmongManyOpenTasks()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("inbox");
        await (await TestPostgres.EngineAsync(connectionString)).DisposeAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO fourduty.user_tasks (id, instance_id, token_id, element_id, assignee, priority, created_at, status, revision)
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'review', 'p' || (g % 2000), 50,
                   now() - g * interval '1 second', CASE WHEN g % 10 = 0 THEN 'Completed' ELSE 'Open' END, 1
            FROM generate_series(1, 200000) g;
            ANALYZE fourduty.user_tasks;
            """);

        var plan = await PlanAsync(connection,
            "SELECT * FROM fourduty.user_tasks WHERE status = 'Open' AND assignee = 'p7' ORDER BY created_at, id");

        plan.ShouldContain("Index Scan using ix_user_tasks_status_assignee", customMessage: plan);
        plan.ShouldNotContain("Seq Scan", customMessage: plan);
    }

    [SkippableFact]
    public async Task PersonalTasks_TheInboxsOneRead_UsesIndexesOnly_AmongManyOpenTasksOfOthers()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("inbox-personal");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine => engine.Storage.PostgresConnectionString = connectionString);
        await using var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var engine = provider.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new FourDuty.Engine.Deployment.DeploymentResource("p.bpmn", """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="review" name="审核" isExecutable="true">
                <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <userTask id="t" camunda:assignee="p7"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
              </process>
            </definitions>
            """)])).Succeeded.ShouldBeTrue();
        var mine = await engine.StartAsync("review", "mine");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // 200,000 open tasks of 2,000 other people, a tenth of them delegated by someone, their instances beside them.
        await ExecuteAsync(connection, """
            INSERT INTO fourduty.instances (id, definition_id, definition_key, definition_version, business_key, status, started_at, revision)
            SELECT (left(i.id::text, 24) || lpad(to_hex(g), 12, '0'))::uuid, i.definition_id, i.definition_key, i.definition_version, 'k' || g, i.status, i.started_at, 1
            FROM fourduty.instances i, generate_series(1, 200000) g;
            INSERT INTO fourduty.user_tasks (id, instance_id, token_id, element_id, assignee, owner, priority, created_at, status, revision)
            SELECT gen_random_uuid(), (left(i.id::text, 24) || lpad(to_hex(g), 12, '0'))::uuid, gen_random_uuid(), 't', 'q' || (g % 2000),
                   CASE WHEN g % 10 = 0 THEN 'o' || (g % 2000) END, 50, now() - g * interval '1 second', 'Open', 1
            FROM fourduty.instances i, generate_series(1, 200000) g WHERE i.business_key = 'mine';
            ANALYZE fourduty.user_tasks; ANALYZE fourduty.instances;
            """);

        // The SQL the engine sends for one person's tasks, as Npgsql traces it.
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            // Tests run in parallel in this process: only this test's database's traffic counts.
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => tag.Value is string value && value == database))
                {
                    sent.Enqueue(activity.GetTagItem("db.statement") as string ?? activity.GetTagItem("db.query.text") as string ?? "");
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var tasks = await engine.Queries.ListPersonalTasksAsync("p7");
        var sql = sent.Single(text => text.Contains("user_tasks", StringComparison.Ordinal));

        tasks.Single().Task.InstanceId.ShouldBe(mine);
        tasks.Single().ProcessName.ShouldBe("审核");
        // Its parameters (named as EF Core names them, or positional) filled in with the person's id, as a custom plan sees them.
        var planned = System.Text.RegularExpressions.Regex.Replace(sql, @"(?<![:\w])(@\w+|\$\d+)", "'p7'");
        var plan = await PlanAsync(connection, planned);
        plan.ShouldNotContain("Seq Scan on user_tasks", customMessage: sql + "\n" + plan);
        plan.ShouldContain("ix_user_tasks_status_owner", customMessage: plan);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, string sql)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }
}
