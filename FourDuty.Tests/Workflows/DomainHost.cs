using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Time;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FourDuty.Tests.Workflows;

/// <summary>
/// The engine with the college's domain on a real database (a fresh SQLite file, or a fresh PostgreSQL database from
/// <c>./test.sh</c>), migrated and seeded at start as the service does, on a simulated clock, with mail handed to an
/// in-memory transport. Runs a <c>duty.*</c> handler the way a model does: a service task of that type, then a user
/// task the instance waits at, so that its variables can be read.
/// </summary>
internal sealed class DomainHost : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly IHost _host;
    private readonly string? _folder;
    private int _models;

    private DomainHost(IHost host, string? folder, string? postgres)
    {
        _host = host;
        _folder = folder;
        Postgres = postgres;
    }

    public IServiceProvider Services => _host.Services;

    public ProcessEngine Engine => Services.GetRequiredService<ProcessEngine>();

    public SimulatedClock Clock => (SimulatedClock)Services.GetRequiredService<TimeProvider>();

    public RecordingTransport Mail => (RecordingTransport)Services.GetRequiredService<IMailTransport>();

    /// <summary>The PostgreSQL connection string, when on PostgreSQL.</summary>
    public string? Postgres { get; }

    public static async Task<DomainHost> StartAsync(TestStore store, Action<WorkflowsSetup>? configure = null, string? postgres = null, string? sqliteFile = null,
        DateTimeOffset? start = null)
    {
        var folder = store == TestStore.Sqlite && sqliteFile is null ? Directory.CreateTempSubdirectory("fourduty-domain-").FullName : null;
        postgres ??= store == TestStore.Postgres ? await TestPostgres.CreateDatabaseAsync("domain") : null;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddFourDutyEngine(engine =>
        {
            engine.Storage.PostgresConnectionString = postgres;
            engine.Storage.SqliteConnectionString = $"Data Source={sqliteFile ?? Path.Combine(folder ?? Path.GetTempPath(), "fourduty.db")}";
            engine.Clock = new SimulatedClock(start ?? T0);
        });
        builder.Services.AddFourDutyWorkflows(workflows =>
        {
            workflows.Notifications.PublicUrl = "https://duty.test";
            configure?.Invoke(workflows);
        });
        builder.Services.AddSingleton<IMailTransport, RecordingTransport>();
        var host = builder.Build();
        await host.StartAsync();
        return new DomainHost(host, folder, postgres);
    }

    public DutyDbContext Db() => Services.GetRequiredService<IDbContextFactory<DutyDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs a service task of <paramref name="type"/> with the variables and properties; returns the variables afterwards.</summary>
    /// <exception cref="InvalidOperationException">The handler failed; the message is the incident's.</exception>
    public async Task<JsonObject> RunAsync(string type, object? variables = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var instance = await StartAsync(type, variables, properties);
        await Engine.RunDueWorkAsync();
        var snapshot = (await Engine.Queries.GetInstanceAsync(instance))!;
        if ((snapshot.Incidents.FirstOrDefault()?.Message ?? snapshot.Jobs.FirstOrDefault(j => j.LastError is not null)?.LastError) is { } error)
        {
            // A failed handler is retried later; its first error is what the incident will say.
            throw new InvalidOperationException(error);
        }

        snapshot.OpenTasks.ShouldNotBeEmpty($"the {type} task did not finish");
        return Variables(snapshot);
    }

    /// <summary>Starts a process whose user task <c>form</c> (completed with a submission) comes before a service task of <paramref name="type"/>.</summary>
    public async Task<Guid> StartAsync(string type, object? variables, IReadOnlyDictionary<string, string>? properties = null, bool userTaskFirst = false)
    {
        const string Assignee = "${assignee}";
        var key = $"p{Interlocked.Increment(ref _models)}";
        var props = properties is null ? "" : $"<extensionElements><camunda:properties>{string.Concat(properties.Select(p =>
            $"<camunda:property name=\"{p.Key}\" value=\"{System.Security.SecurityElement.Escape(p.Value)}\"/>"))}</camunda:properties></extensionElements>";
        var body = userTaskFirst
            ? $"""
              <startEvent id="start"/>
              <sequenceFlow id="f0" sourceRef="start" targetRef="form"/>
              <userTask id="form" name="填写" camunda:assignee="{Assignee}"/>
              <sequenceFlow id="f1" sourceRef="form" targetRef="work"/>
              <serviceTask id="work" camunda:type="{type}">{props}</serviceTask>
              <sequenceFlow id="f2" sourceRef="work" targetRef="wait"/>
              <userTask id="wait" name="等待" camunda:assignee="xu.office"/>
              """
            : $"""
              <startEvent id="start"/>
              <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
              <serviceTask id="work" camunda:type="{type}">{props}</serviceTask>
              <sequenceFlow id="f2" sourceRef="work" targetRef="wait"/>
              <userTask id="wait" name="等待" camunda:assignee="xu.office"/>
              """;
        var result = await Engine.DeployAsync([new DeploymentResource($"{key}.bpmn", ProcessXml.Of(key, body))]);
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Problems));
        return await Engine.StartAsync(key, variables: Scenario.Variables(variables));
    }

    public async Task<JsonObject> VariablesAsync(Guid instance) => Variables((await Engine.Queries.GetInstanceAsync(instance))!);

    private static JsonObject Variables(FourDuty.Engine.Runtime.Store.InstanceSnapshot snapshot)
    {
        var root = snapshot.Scopes.Single(s => s.ParentScopeId is null);
        return new JsonObject(snapshot.Variables.Where(v => v.ScopeId == root.Id).Select(v => KeyValuePair.Create(v.Name, JsonNode.Parse(v.Json))));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}

/// <summary>A mail transport that keeps what it was given, for tests that assert on the mails themselves.</summary>
internal sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<MailEnvelope> Sent { get; } = new();

    public Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken)
    {
        Sent.Enqueue(envelope);
        return Task.FromResult(new MailOutcome(MailOutcomeKind.Sent, "250 recorded"));
    }
}
