using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence.EntityFramework.Postgres;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// Steps ready to write while another write is under way share the next write: one round trip, one transaction. Each
/// stays all or nothing, and one that cannot be written fails alone while the others of its group are stored.
/// </summary>
public sealed class GroupCommitTests
{
    [SkippableFact]
    public async Task StepsWaitingBehindAWrite_AreWrittenTogetherInOneTransaction_EachOnce()
    {
        await using var database = NpgsqlDataSource.Create(await TableAsync());
        var groups = new GroupCommit { Writers = 1 };

        // The first write takes the only turn as it is called and holds it for half a second; five steps arrive
        // meanwhile and wait in line.
        var first = WriteAsync(groups, database, 0, sleep: true);
        var waiting = Enumerable.Range(1, 5).Select(i => WriteAsync(groups, database, i)).ToList();
        await first;
        await Task.WhenAll(waiting);

        var rows = await RowsAsync(database);
        rows.Keys.Order().ToList().ShouldBe([0, 1, 2, 3, 4, 5, Existing], "every step stored, once");
        rows.Where(r => r.Key is > 0 and < Existing).Select(r => r.Value).Distinct().Count().ShouldBe(1, "the five waiting steps share one transaction");
        rows[0].ShouldNotBe(rows[1]);
    }

    [SkippableFact]
    public async Task AStepThatCannotBeWritten_FailsAlone_AndTheOthersOfItsGroupAreStored()
    {
        await using var database = NpgsqlDataSource.Create(await TableAsync());
        var groups = new GroupCommit { Writers = 1 };

        var first = WriteAsync(groups, database, 0, sleep: true);
        var fine = Enumerable.Range(1, 2).Select(i => WriteAsync(groups, database, i)).ToList();
        var duplicate = WriteAsync(groups, database, Existing);
        fine.AddRange(Enumerable.Range(3, 2).Select(i => WriteAsync(groups, database, i)));
        await first;
        await Task.WhenAll(fine);

        (await Should.ThrowAsync<PostgresException>(duplicate)).SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        (await RowsAsync(database)).Keys.Order().ToList().ShouldBe([0, 1, 2, 3, 4, Existing],
            "the shared transaction rolled back, and each step but the duplicate was written again alone");
    }

    [SkippableFact]
    public async Task ManyStepsAtOnce_OnAPoolSmallerThanTheWritersAndReaders_AllFinish()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("group-commit-pool")) { MaxPoolSize = 2 }.ConnectionString;
        await using var provider = await TestPostgres.EngineAsync(connectionString);
        var engine = provider.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("one-task.bpmn", OneTask)])).Succeeded.ShouldBeTrue();

        var started = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => engine.StartAsync("oneTask")));
        await Task.WhenAll(started.Select(async id =>
        {
            var task = (await engine.Queries.ListTasksAsync(new FourDuty.Engine.Runtime.Store.TaskFilter(InstanceId: id))).Single();
            await engine.CompleteTaskAsync(task.Id);
        })).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var id in started)
        {
            (await engine.Queries.GetInstanceAsync(id))!.Instance.Status.ShouldBe(FourDuty.Engine.Runtime.State.InstanceStatus.Completed);
        }
    }

    // A row in the table before each test: a step that writes it again cannot be written.
    private const int Existing = 100;

    private const string OneTask = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="oneTask" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <userTask id="task" />
            <sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """;

    private static async Task<string> TableAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("group-commit");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE TABLE steps (id int PRIMARY KEY); INSERT INTO steps VALUES ({Existing})", connection);
        await create.ExecuteNonQueryAsync();
        return connectionString;
    }

    // One step's write: its row, after a pause of the server if asked (to hold the turn while others arrive).
    private static async Task WriteAsync(GroupCommit groups, NpgsqlDataSource database, int id, bool sleep = false)
    {
        await using var connection = database.CreateConnection();
        IReadOnlyList<NpgsqlBatchCommand> Commands()
        {
            var insert = new NpgsqlBatchCommand("INSERT INTO steps (id) VALUES ($1)") { Parameters = { new() { Value = id } } };
            return sleep ? [new NpgsqlBatchCommand("SELECT pg_sleep(0.5)"), insert] : [insert];
        }

        await groups.WriteAsync(connection, Commands(), Commands, CancellationToken.None);
    }

    // Each row with the transaction that wrote it.
    private static async Task<Dictionary<int, string>> RowsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT id, xmin::text FROM steps");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<int, string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return rows;
    }
}
