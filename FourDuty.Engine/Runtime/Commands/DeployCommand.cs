using System.Security.Cryptography;
using System.Text;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>
/// Validates every file and, if none has errors, stores each executable process as a version of its key: an
/// identical model keeps its version, a changed one becomes the next. Start timers of the previous version
/// are replaced by the new version's in the same transaction.
/// </summary>
internal sealed record DeployCommand(IReadOnlyList<DeploymentResource> Resources, BpmnParser Parser) : IEngineCommand<DeploymentResult>
{
    public async Task<DeploymentResult> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var (problems, processes, forms) = await CheckAsync(Resources, Parser, step, cancellationToken);
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new DeploymentResult([], problems);
        }

        var deploymentId = step.NewId();
        var definitions = new List<DeployedDefinition>();
        foreach (var (resource, process) in processes)
        {
            definitions.Add(await DeployAsync(step, deploymentId, resource, process, cancellationToken));
        }

        var deployedForms = new List<DeployedForm>();
        foreach (var resource in forms)
        {
            deployedForms.Add(await DeployFormAsync(step, deploymentId, resource, cancellationToken));
        }

        return new DeploymentResult(definitions, problems) { Forms = deployedForms };
    }

    /// <summary>
    /// Everything a deployment checks before it stores anything: each model and form parsed and validated, files
    /// without a process, duplicate process ids, form keys that name no form. Shared with <see cref="ValidateDeploymentCommand"/>.
    /// </summary>
    internal static async Task<(List<BpmnProblem> Problems, List<(DeploymentResource Resource, BpmnProcess Process)> Processes, List<DeploymentResource> Forms)>
        CheckAsync(IReadOnlyList<DeploymentResource> resources, BpmnParser parser, StepContext step, CancellationToken cancellationToken)
    {
        var forms = resources.Where(FormFiles.Is).Select(r => (Resource: r, Result: Forms.FormSchema.Parse(r.Xml))).ToList();
        var parsed = resources.Where(r => !FormFiles.Is(r)).Select(r => (Resource: r, Result: parser.Parse(r.Xml, r.Name))).ToList();
        var problems = parsed.SelectMany(p => p.Result.Problems)
            .Concat(forms.SelectMany(f => f.Result.Problems.Select(problem => FormFiles.AsProblem(problem, f.Resource.Name))))
            .ToList();
        var processes = parsed
            .Where(p => p.Result.Model is not null)
            .SelectMany(p => p.Result.Model!.ExecutableProcesses.Select(process => (p.Resource, process)))
            .ToList();
        foreach (var resource in resources)
        {
            if (InputRules.Problem(resource.Name, "file name") is { } problem)
            {
                problems.Add(Problem(problem, resource.Name));
            }
        }

        if (resources.Count == 0)
        {
            problems.Add(Problem("The deployment has no files. Send one or more .bpmn files.", null));
        }
        else if (processes.Count == 0 && forms.Count == 0 && problems.All(p => p.Severity != ProblemSeverity.Error))
        {
            problems.Add(Problem("No file holds an executable process, so there is nothing to deploy. Set isExecutable=\"true\" on the process to run.",
                resources[0].Name));
        }

        foreach (var duplicate in processes.GroupBy(p => p.process.Id).Where(g => g.Count() > 1))
        {
            problems.Add(Problem($"The process id '{duplicate.Key}' appears in {duplicate.Count()} files of this deployment ({string.Join(", ", duplicate.Select(d => d.Resource.Name))}). Each process id may be deployed once.",
                duplicate.First().Resource.Name));
        }

        foreach (var (resource, process) in processes)
        {
            foreach (var rule in step.Services.DeploymentRules)
            {
                problems.AddRange(rule.Check(process).Select(problem => problem with { File = problem.File ?? resource.Name }));
            }
        }

        problems.AddRange(await MissingFormsAsync(step, processes, forms.Select(f => f.Resource.Name).ToHashSet(StringComparer.Ordinal), cancellationToken));
        return (problems, processes, forms.Select(f => f.Resource).ToList());
    }

    private static async Task<DeployedForm> DeployFormAsync(StepContext step, Guid deploymentId, DeploymentResource resource, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Xml)));
        var latest = await step.Session.FindFormAsync(resource.Name, null, cancellationToken);
        if (latest is not null && latest.ContentHash == hash)
        {
            return new DeployedForm(latest.Id, latest.Key, latest.Version, IsNew: false);
        }

        var form = new FormDefinitionRecord
        {
            Id = step.NewId(),
            Key = resource.Name,
            FormId = Forms.FormSchema.Parse(resource.Xml).Schema?.Id,
            Version = (latest?.Version ?? 0) + 1,
            DeploymentId = deploymentId,
            ContentHash = hash,
            Json = resource.Xml,
            DeployedAt = step.Now,
        };
        step.Session.AddForm(form);
        return new DeployedForm(form.Id, form.Key, form.Version, IsNew: true);
    }

    private static async Task<DeployedDefinition> DeployAsync(StepContext step, Guid deploymentId, DeploymentResource resource, BpmnProcess process,
        CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Xml)));
        if (await step.Session.FindDefinitionByHashAsync(process.Id, hash, cancellationToken) is { } existing)
        {
            return new DeployedDefinition(existing.Id, existing.Key, existing.Version, existing.Name, IsNew: false, existing.ResourceName);
        }

        var latest = await step.Session.FindDefinitionAsync(process.Id, null, cancellationToken);
        var record = new ProcessDefinitionRecord
        {
            Id = step.NewId(),
            Key = process.Id,
            Version = (latest?.Version ?? 0) + 1,
            Name = process.Name,
            VersionTag = process.VersionTag,
            DeploymentId = deploymentId,
            ResourceName = resource.Name,
            ContentHash = hash,
            Xml = resource.Xml,
            DeployedAt = step.Now,
        };
        step.Session.AddDefinition(record);
        step.Services.LatestVersions.Forget(record.Key);
        foreach (var old in await step.Session.FindStartTimersAsync(process.Id, cancellationToken))
        {
            step.Session.RemoveStartTimer(old);
        }

        StartTimers.Create(step, step.Services.Definitions.Get(record));
        return new DeployedDefinition(record.Id, record.Key, record.Version, record.Name, IsNew: true, record.ResourceName);
    }

    /// <summary>
    /// A user task or start event whose form key names a form that is neither in this deployment nor (for a plain key) deployed
    /// before: refused now rather than found out when someone opens the task.
    /// </summary>
    private static async Task<List<BpmnProblem>> MissingFormsAsync(StepContext step, IEnumerable<(DeploymentResource Resource, BpmnProcess Process)> processes,
        HashSet<string> deployedHere, CancellationToken cancellationToken)
    {
        var problems = new List<BpmnProblem>();
        foreach (var (resource, process) in processes)
        {
            foreach (var (node, formKey) in FormFiles.NamedIn(process))
            {
                if (FormFiles.Parse(formKey) is not { } form || deployedHere.Contains(form.Key))
                {
                    continue;
                }

                if (!form.SameDeployment && await step.Session.FindFormAsync(form.Key, null, cancellationToken) is not null)
                {
                    continue;
                }

                var where = form.SameDeployment ? "in this deployment" : "in this deployment or deployed before";
                problems.Add(new(ProblemSeverity.Error, BpmnRules.DanglingReference.Code, BpmnRules.DanglingReference.Name, node.Id, node.Line,
                    $"camunda:formKey '{formKey}' names the form file '{form.Key}', which is not {where}. Deploy the .form file together with the process.",
                    resource.Name));
            }
        }

        return problems;
    }

    private static BpmnProblem Problem(string message, string? file) =>
        new(ProblemSeverity.Error, BpmnRules.NoProcess.Code, BpmnRules.NoProcess.Name, null, 0, message, file);
}
