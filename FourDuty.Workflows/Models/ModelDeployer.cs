using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence;
using FourDuty.Workflows.Seeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Models;

/// <summary>
/// Deploys the college's processes and their forms (<c>workflows/*.bpmn</c>, <c>workflows/*.form</c>) at start, after the
/// seeds (the model rules check names against the organisation): a file whose content the engine already holds keeps its
/// version, a changed one becomes the next version. A model the engine or the <see cref="ModelRules"/> refuse stops the start
/// with every problem (file, line, element, rule), as a broken seed file does.
/// </summary>
internal sealed class ModelDeployer(ProcessEngine engine, IOptions<ModelOptions> options, IOptions<StorageOptions> storage, ILogger<ModelDeployer> logger)
    : IHostedService
{
    // Any constant every node shares: two nodes starting at once deploy one version ("FDMD").
    private const long DeployLock = 0x46_44_4D_44;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DeployAtStart)
        {
            return;
        }

        var folder = SeedOptions.Resolve(options.Value.Folder);
        var resources = Read(folder);
        if (resources.Count == 0)
        {
            logger.LogWarning("No process models in {Folder}: nothing deployed", folder);
            return;
        }

        await using (storage.Value.Provider == StorageProvider.Postgres
            ? await PostgresAdvisoryLock.AcquireAsync(storage.Value.PostgresConnectionString!, DeployLock, cancellationToken)
            : null)
        {
            var result = await engine.DeployAsync(resources, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ModelRefusedException(folder, result.Problems.Where(p => p.Severity == Engine.Bpmn.ProblemSeverity.Error).ToList());
            }

            foreach (var definition in result.Definitions)
            {
                logger.LogInformation("Process {Key} version {Version} {State} from {File}", definition.Key, definition.Version,
                    definition.IsNew ? "deployed" : "unchanged", definition.ResourceName);
            }

            foreach (var warning in result.Problems)
            {
                logger.LogWarning("Model warning: {Problem}", warning.ToString());
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The models and forms of <paramref name="folder"/>, by name, so that a deployment is the same on every node.</summary>
    internal static List<DeploymentResource> Read(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".bpmn", StringComparison.Ordinal) || f.EndsWith(".form", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => new DeploymentResource(Path.GetFileName(f), File.ReadAllText(f)))
                .ToList();
}

/// <summary>A model in the workflows folder that cannot be deployed; the message lists every problem with file, line and element.</summary>
public sealed class ModelRefusedException(string folder, IReadOnlyList<Engine.Bpmn.BpmnProblem> problems)
    : Exception($"流程模型无法部署 / The process models in {folder} cannot be deployed:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    /// <summary>What is wrong, each with its file, line, element and rule.</summary>
    public IReadOnlyList<Engine.Bpmn.BpmnProblem> Problems { get; } = problems;
}
