using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Time;
using FourDuty.Host.Hosting;
using FourDuty.Host.Mail;
using Microsoft.Data.Sqlite;

namespace FourDuty.Host.TestRuns;

/// <summary>
/// Builds a test-run through the service's own registration (<see cref="ProcessingServices"/>), so that it runs the
/// same service task handlers, assignment and task listeners, with three things swapped: a private in-memory SQLite
/// database (every DbContext of every layer points at it), a simulated clock and a mail transport that keeps messages.
/// </summary>
internal sealed class TestRunFactory(IConfiguration configuration, ILoggerFactory loggers, IHostEnvironment environment, ProcessEngine service)
{
    /// <exception cref="EngineException">The model cannot be deployed (invalid, with the problems) or not started.</exception>
    public async Task<TestRun> CreateAsync(TestRunRequest request, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var connectionString = $"Data Source=fourduty-testrun-{id:N};Mode=Memory;Cache=Shared";
        var database = new SqliteConnection(connectionString);
        await database.OpenAsync(cancellationToken);
        var clock = new SimulatedClock(request.Start ?? createdAt);
        var mail = new CapturingMailTransport(clock);
        var services = new ServiceCollection();
        // The service's configuration, environment and logging, registered as instances: the test-run's provider does
        // not own them.
        services.AddSingleton(configuration);
        services.AddSingleton(environment);
        services.AddSingleton(loggers);
        services.AddLogging();
        services.AddSingleton<IMailTransport>(mail);
        services.AddFourDutyProcessing(configuration, engine =>
        {
            engine.Storage.PostgresConnectionString = null;
            engine.Storage.SqliteConnectionString = connectionString;
            engine.Clock = clock;
            engine.JobDriver = JobDriver.Manual;
        }, deployModels: false);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        try
        {
            // Migrations, then whatever the layers seed (the organisation, the calendar): as the service starts.
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(cancellationToken);
            }

            var engine = provider.GetRequiredService<ProcessEngine>();
            var key = await DeployAsync(engine, request, cancellationToken);
            if (HasPlainStart(request.Bpmn))
            {
                await engine.StartAsync(key, request.BusinessKey, request.Variables, cancellationToken: cancellationToken);
            }

            await engine.RunDueWorkAsync(cancellationToken);
            return new TestRun(id, key, provider, database, clock, mail, createdAt);
        }
        catch
        {
            await provider.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    // The processes the model may start or call (by message, signal or call activity) come along in the versions the
    // service runs; those that start on a timer (the annual cycle) stay out, or the test-run would start them too.
    private async Task<string> DeployAsync(ProcessEngine engine, TestRunRequest request, CancellationToken cancellationToken)
    {
        var parser = new BpmnParser();
        var edited = parser.Parse(request.Bpmn, request.FileName);
        var key = edited.Model?.ExecutableProcesses.FirstOrDefault()?.Id;
        foreach (var definition in (await service.Queries.ListDefinitionsAsync(null, cancellationToken))
            .GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!).Where(d => d.Key != key))
        {
            var process = parser.Parse(definition.Xml).Model?.ExecutableProcesses.FirstOrDefault();
            if (process is null || process.StartEvents.Any(s => s.Definition is TimerEventDefinition))
            {
                continue;
            }

            var forms = await service.GetDefinitionFormsAsync(definition.Key, definition.Version, cancellationToken);
            await engine.DeployAsync([new DeploymentResource(definition.ResourceName ?? $"{definition.Key}.bpmn", definition.Xml),
                .. forms.Select(f => new DeploymentResource(f.Key, f.Json))], cancellationToken);
        }

        var result = await engine.DeployAsync([new DeploymentResource(request.FileName, request.Bpmn),
            .. (request.Forms ?? []).Select(f => new DeploymentResource(f.Name, f.Json))], cancellationToken);
        if (!result.Succeeded)
        {
            throw new EngineException(EngineErrors.InvalidModel, "The model cannot be test-run until its errors are fixed.") { Details = result.Problems };
        }

        return result.Definitions.Count > 0 ? result.Definitions[0].Key : key ?? "";
    }

    private static bool HasPlainStart(string xml) =>
        new BpmnParser().Parse(xml).Model?.ExecutableProcesses.FirstOrDefault()?.StartEvents
            .Any(s => s.Definition is null) == true;
}

/// <summary>What a test-run starts from: the model being edited, its forms, when and with what.</summary>
/// <param name="Bpmn">The BPMN XML as the designer holds it (not deployed).</param>
/// <param name="FileName">Its file name, for problems.</param>
/// <param name="Forms">The task forms (<c>.form</c> files) it uses.</param>
/// <param name="Start">Where the simulated clock starts (default: now).</param>
/// <param name="BusinessKey">The instance's business key.</param>
/// <param name="Variables">The start variables.</param>
internal sealed record TestRunRequest(string Bpmn, string FileName = "model.bpmn", IReadOnlyList<TestRunForm>? Forms = null, DateTimeOffset? Start = null,
    string? BusinessKey = null, IReadOnlyDictionary<string, JsonNode?>? Variables = null);

/// <summary>A form file sent with a test-run.</summary>
internal sealed record TestRunForm(string Name, string Json);
