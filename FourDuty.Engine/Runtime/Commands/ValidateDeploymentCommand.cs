using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>Checks files exactly as <see cref="DeployCommand"/> would, and stores nothing.</summary>
internal sealed record ValidateDeploymentCommand(IReadOnlyList<DeploymentResource> Resources, BpmnParser Parser) : IEngineCommand<DeploymentResult>
{
    public async Task<DeploymentResult> ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var (problems, _, _) = await DeployCommand.CheckAsync(Resources, Parser, step, cancellationToken);
        return new DeploymentResult([], problems);
    }
}
