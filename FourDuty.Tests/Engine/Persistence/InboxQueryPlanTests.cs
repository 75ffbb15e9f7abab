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
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine => engine.Storage.PostgresConnectionString = connectionString);
        await using (var provider = services.BuildServiceProvider())
        await using (var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

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
