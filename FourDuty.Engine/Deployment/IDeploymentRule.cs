using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Deployment;

/// <summary>
/// A rule a layer on top of the engine adds to deployment: a model the engine could run, but that breaks what the
/// layer needs (for example a user task nobody owns), is refused with the layer's problems, exactly as a model the
/// parser refuses. Register implementations as singletons; deployment and <c>validate</c> run every one.
/// </summary>
/// <remarks>
/// A rule runs inside the deployment's step, so it must not do I/O; it sees one parsed executable process at a time.
/// Problems of severity <see cref="ProblemSeverity.Error"/> block the deployment, warnings are reported with it.
/// </remarks>
public interface IDeploymentRule
{
    /// <summary>The problems of <paramref name="process"/>; none when it passes. The file name is filled in by the engine.</summary>
    IEnumerable<BpmnProblem> Check(BpmnProcess process);
}
