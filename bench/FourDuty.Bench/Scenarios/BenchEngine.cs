using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// An engine built the way an application builds it (<c>AddFourDutyEngine</c>), on a fresh store, with the peer's
/// one-task model deployed: start (skip=false) → exclusive gateway → user task → end.
/// </summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    /// <summary>The process id in one-task.bpmn.</summary>
    public const string ProcessKey = "oneTask";

    /// <summary>Where the peer's model and program are kept, relative to the repository; the scenarios only read them.</summary>
    public const string PeerFolderName = "../shared/bench/peer";

    /// <summary>
    /// The peer's folder: <c>../shared/bench/peer</c> beside the repository this program was built from. A git worktree
    /// (<c>.git</c> is a file naming the main repository's git folder) looks beside the main repository too, so a
    /// checkout anywhere finds it without an absolute path.
    /// </summary>
    public static string DefaultPeerFolder => PeerFolder(ExternalProgram.RepositoryRoot());

    internal static string PeerFolder(string? root)
    {
        if (root is null)
        {
            return PeerFolderName;
        }

        var candidates = new List<string> { Path.GetFullPath(Path.Combine(root, PeerFolderName)) };
        var dotGit = Path.Combine(root, ".git");
        if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is { } pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            // gitdir: <main>/.git/worktrees/<name> -> <main>
            var gitFolder = new DirectoryInfo(Path.GetFullPath(Path.Combine(root, pointer["gitdir:".Length..].Trim())));
            if (gitFolder.Parent?.Parent is { Name: ".git" } common && common.Parent is { } main)
            {
                candidates.Add(Path.GetFullPath(Path.Combine(main.FullName, PeerFolderName)));
            }
        }

        return candidates.FirstOrDefault(Directory.Exists) ?? candidates[0];
    }

    private readonly ServiceProvider _services;

    private BenchEngine(ServiceProvider services)
    {
        _services = services;
        Engine = services.GetRequiredService<ProcessEngine>();
    }

    public ProcessEngine Engine { get; }

    public IServiceProvider Services => _services;

    /// <summary>The variables every instance starts with: the gateway's condition <c>${skip}</c> is false.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> StartVariables { get; } = new Dictionary<string, JsonNode?> { ["skip"] = false };

    /// <summary>Builds the engine, migrates an EF store, and deploys <paramref name="modelXml"/>.</summary>
    /// <param name="storage">Chooses the store (in memory, PostgreSQL, SQLite).</param>
    /// <param name="modelXml">one-task.bpmn.</param>
    /// <param name="configure">More services (an EF interceptor, say).</param>
    /// <param name="history">The engine's history level (<c>Engine:History</c>).</param>
    public static async Task<BenchEngine> CreateAsync(Action<StorageOptions> storage, string modelXml, Action<IServiceCollection>? configure = null,
        HistoryLevel history = HistoryLevel.Full)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine =>
        {
            storage(engine.Storage);
            engine.Engine.History = history;
        });
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        if (options.Provider != StorageProvider.InMemory)
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
            if (options.Provider == StorageProvider.Sqlite)
            {
                // As the Host's migrator does: write-ahead logging, the embedded store's production setting.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        var bench = new BenchEngine(provider);
        var result = await bench.Engine.DeployAsync([new DeploymentResource("one-task.bpmn", modelXml)]);
        if (!result.Succeeded)
        {
            await bench.DisposeAsync();
            throw new InvalidOperationException($"one-task.bpmn does not deploy: {string.Join("; ", result.Problems)}");
        }

        return bench;
    }

    /// <summary>Reads one-task.bpmn from the peer's folder.</summary>
    public static string ReadModel(string? peerFolder) => File.ReadAllText(Path.Combine(peerFolder ?? DefaultPeerFolder, "one-task.bpmn"));

    /// <summary>Starts one instance; it stops at the user task.</summary>
    public Task<Guid> StartAsync() => Engine.StartAsync(ProcessKey, null, StartVariables);

    /// <summary>Completes the instance's one open task, found as <paramref name="lookup"/> says; the instance ends.</summary>
    /// <exception cref="InvalidOperationException">The instance does not wait at exactly one task.</exception>
    public async Task CompleteAsync(Guid instanceId, TaskLookup lookup)
    {
        var tasks = lookup == TaskLookup.ByInstance
            ? (await Engine.Queries.GetInstanceAsync(instanceId) ?? throw new InvalidOperationException($"instance {instanceId} is missing")).OpenTasks
            : await Engine.Queries.ListTasksAsync(new TaskFilter(InstanceId: instanceId));
        if (tasks is not [var task])
        {
            throw new InvalidOperationException($"instance {instanceId} has {tasks.Count} open tasks, not 1");
        }

        await Engine.CompleteTaskAsync(task.Id);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>How a client finds the task it completes.</summary>
internal enum TaskLookup
{
    /// <summary><c>Queries.GetInstanceAsync(id).OpenTasks</c> (<c>GET /api/instances/{id}</c>): indexed by instance in memory.</summary>
    ByInstance,

    /// <summary><c>Queries.ListTasksAsync(new TaskFilter(InstanceId: id))</c> (<c>GET /api/tasks?instanceId=</c>): one indexed SELECT on a database.</summary>
    ByTaskQuery,
}
