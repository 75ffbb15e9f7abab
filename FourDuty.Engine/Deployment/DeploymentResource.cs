namespace FourDuty.Engine.Deployment;

/// <summary>One file of a deployment.</summary>
/// <param name="Name">The file name, used in problems.</param>
/// <param name="Xml">The BPMN 2.0 XML.</param>
public sealed record DeploymentResource(string Name, string Xml);

/// <summary>The outcome of a deployment: the definitions and forms (new or unchanged versions), or every problem found.</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedDefinition> Definitions, IReadOnlyList<Bpmn.BpmnProblem> Problems)
{
    /// <summary>The forms of the deployment.</summary>
    public IReadOnlyList<DeployedForm> Forms { get; init; } = [];

    /// <summary>True when nothing stopped the deployment.</summary>
    public bool Succeeded => Problems.All(p => p.Severity != Bpmn.ProblemSeverity.Error);
}

/// <summary>One process definition of a deployment.</summary>
/// <param name="Id">The definition (version) id.</param>
/// <param name="Key">The process id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Name">The process name.</param>
/// <param name="IsNew">False when an identical model was deployed before and its version is reused.</param>
/// <param name="ResourceName">The file it came from.</param>
public sealed record DeployedDefinition(Guid Id, string Key, int Version, string? Name, bool IsNew, string? ResourceName);

/// <summary>One form of a deployment.</summary>
/// <param name="Id">The form version's id.</param>
/// <param name="Key">The file name, which a task's <c>camunda:formKey</c> names.</param>
/// <param name="Version">The version number.</param>
/// <param name="IsNew">False when an identical form was deployed before and its version is reused.</param>
public sealed record DeployedForm(Guid Id, string Key, int Version, bool IsNew);
