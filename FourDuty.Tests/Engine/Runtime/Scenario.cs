using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Time;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>
/// The scenario harness: deploy BPMN files, then drive an instance step by step (start, complete task X,
/// correlate, signal, move the clock) and assert what a user would see (open tasks by element id, ended or
/// not, variables, pending timers and subscriptions). Time is a simulated clock; nothing sleeps.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ServiceProvider _services;
    private readonly string? _sqliteFile;

    private Scenario(ServiceProvider services, SimulatedClock clock, string? sqliteFile)
    {
        _services = services;
        _sqliteFile = sqliteFile;
        Clock = clock;
        Engine = services.GetRequiredService<ProcessEngine>();
    }

    public ProcessEngine Engine { get; }

    public SimulatedClock Clock { get; }

    /// <summary>The instance the last <see cref="StartAsync"/> started.</summary>
    public Guid Instance { get; private set; }

    public IEngineQueries Queries => Engine.Queries;

    /// <summary>Deploys the files (paths relative to the test output folder, or BPMN text) on a fresh in-memory engine.</summary>
    public static async Task<Scenario> DeployAsync(params string[] files) => await DeployAsync(TestStore.InMemory, _ => { }, files);

    /// <summary>Deploys the files on a fresh engine with an empty store of the given kind.</summary>
    public static async Task<Scenario> DeployAsync(TestStore store, params string[] files) => await DeployAsync(store, _ => { }, files);

    public static async Task<Scenario> DeployAsync(TestStore store, Action<IServiceCollection> configure, params string[] files)
    {
        var clock = new SimulatedClock(T0);
        var services = new ServiceCollection();
        services.AddLogging();
        var sqliteFile = store == TestStore.Sqlite ? Path.Combine(Path.GetTempPath(), $"fourduty-{Guid.NewGuid():N}.db") : null;
        var postgres = store == TestStore.Postgres ? await TestPostgres.CreateDatabaseAsync("scenario") : null;
        services.AddFourDutyEngine(engine =>
        {
            engine.Storage.InMemory = store == TestStore.InMemory;
            engine.Storage.SqliteConnectionString = $"Data Source={sqliteFile}";
            engine.Storage.PostgresConnectionString = postgres;
            engine.Clock = clock;
        });
        configure(services);
        var provider = services.BuildServiceProvider();
        if (store != TestStore.InMemory)
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }

        var scenario = new Scenario(provider, clock, sqliteFile);
        if (files.Length > 0)
        {
            var result = await scenario.Engine.DeployAsync(files.Select(Resource).ToList());
            result.Succeeded.ShouldBeTrue(string.Join("\n", result.Problems));
        }

        return scenario;
    }

    public static DeploymentResource Resource(string file) =>
        file.TrimStart().StartsWith('<')
            ? new DeploymentResource("inline.bpmn", file)
            : new DeploymentResource(Path.GetFileName(file), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));

    public async Task<Guid> StartAsync(string key, object? variables = null, string? businessKey = null)
    {
        Instance = await Engine.StartAsync(key, businessKey, Variables(variables));
        return Instance;
    }

    /// <summary>Completes the one open task with this element id, in the instance or any instance it called.</summary>
    public async Task CompleteAsync(string elementId, object? variables = null)
    {
        var task = (await OpenTaskRecordsAsync()).Where(t => t.ElementId == elementId).ToList();
        task.Count.ShouldBeGreaterThan(0, $"no open task '{elementId}'; open: {string.Join(", ", await OpenTasksAsync())}");
        await Engine.CompleteTaskAsync(task[0].Id, Variables(variables), "tester");
    }

    public Task CorrelateAsync(string message, string? correlationKey = null, object? variables = null) =>
        Engine.CorrelateMessageAsync(message, correlationKey, Variables(variables));

    public Task SignalAsync(string name, object? variables = null) => Engine.BroadcastSignalAsync(name, Variables(variables));

    /// <summary>Moves the clock and fires every timer that falls due on the way, in order.</summary>
    public Task AdvanceAsync(TimeSpan duration) => Engine.AdvanceClockAsync(duration);

    /// <summary>Moves the clock without firing anything, as a Camunda test does before it runs the job executor.</summary>
    public void MoveClock(TimeSpan duration) => Clock.MoveTo(Clock.GetUtcNow() + duration);

    public Task RunDueWorkAsync() => Engine.RunDueWorkAsync();

    public async Task<IReadOnlyList<string>> OpenTasksAsync() =>
        (await OpenTaskRecordsAsync()).Select(t => t.ElementId).Order(StringComparer.Ordinal).ToList();

    public async Task ShouldHaveOpenTasksAsync(params string[] elementIds) =>
        (await OpenTasksAsync()).ShouldBe(elementIds.Order(StringComparer.Ordinal).ToList());

    /// <summary>The open tasks of one instance alone (not the one started last), by element id.</summary>
    public async Task ShouldHaveOpenTasksOfAsync(Guid instance, params string[] elementIds) =>
        (await Queries.ListTasksAsync(new TaskFilter(InstanceId: instance))).Select(t => t.ElementId).Order(StringComparer.Ordinal)
            .ShouldBe(elementIds.Order(StringComparer.Ordinal));

    public async Task<IReadOnlyList<UserTaskRecord>> OpenTaskRecordsAsync()
    {
        var tasks = new List<UserTaskRecord>();
        foreach (var instance in await FamilyAsync(Instance))
        {
            tasks.AddRange(await Queries.ListTasksAsync(new TaskFilter(InstanceId: instance)));
        }

        return tasks;
    }

    public async Task<bool> IsEndedAsync(Guid? instance = null) =>
        (await Queries.GetInstanceAsync(instance ?? Instance))!.Instance.Status != InstanceStatus.Active;

    public async Task<InstanceSnapshot> SnapshotAsync(Guid? instance = null) => (await Queries.GetInstanceAsync(instance ?? Instance))!;

    /// <summary>A process-level variable of the instance as JSON; null when it is null or does not exist.</summary>
    public async Task<JsonNode?> VariableAsync(string name, Guid? instance = null)
    {
        var snapshot = await SnapshotAsync(instance);
        var root = snapshot.Scopes.Single(s => s.ParentScopeId is null);
        var variable = snapshot.Variables.SingleOrDefault(v => v.ScopeId == root.Id && v.Name == name);
        return variable is null ? null : JsonNode.Parse(variable.Json);
    }

    public async Task<bool> HasVariableAsync(string name, Guid? instance = null)
    {
        var snapshot = await SnapshotAsync(instance);
        var root = snapshot.Scopes.Single(s => s.ParentScopeId is null);
        return snapshot.Variables.Any(v => v.ScopeId == root.Id && v.Name == name);
    }

    public async Task<int> TimerCountAsync() => (await Task.WhenAll((await FamilyAsync(Instance)).Select(id => SnapshotAsync(id)))).Sum(s => s.Timers.Count);

    public async Task<int> SubscriptionCountAsync() =>
        (await Task.WhenAll((await FamilyAsync(Instance)).Select(id => SnapshotAsync(id)))).Sum(s => s.Subscriptions.Count);

    /// <summary>The instance and every instance it called, directly or not.</summary>
    public async Task<IReadOnlyList<Guid>> FamilyAsync(Guid root)
    {
        var family = new List<Guid> { root };
        for (var i = 0; i < family.Count; i++)
        {
            family.AddRange((await Queries.ListInstancesAsync(new InstanceFilter(ParentInstanceId: family[i]))).Select(c => c.Id));
        }

        return family;
    }

    public static Dictionary<string, JsonNode?>? Variables(object? variables) =>
        variables is null ? null : JsonSerializer.SerializeToNode(variables)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}

/// <summary>The stores the runtime's tests run on; the same tests run on each.</summary>
public enum TestStore
{
    InMemory,
    Sqlite,
    Postgres,
}
