namespace FourDuty.Engine.Deployment;

/// <summary>One deployed version of a process definition, stored as the XML it was deployed from.</summary>
public sealed class ProcessDefinitionRecord
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; set; }

    /// <summary>The process id from the BPMN file; versions are counted per key.</summary>
    public required string Key { get; set; }

    /// <summary>1 for the first deployment of <see cref="Key"/>, then one more for each changed model.</summary>
    public int Version { get; set; }

    /// <summary>The process name from the BPMN file, if it has one.</summary>
    public string? Name { get; set; }

    /// <summary>The deployment that created this version; versions deployed together share it.</summary>
    public Guid DeploymentId { get; set; }

    /// <summary><c>camunda:versionTag</c> of the process, if any.</summary>
    public string? VersionTag { get; set; }

    /// <summary>The file the version came from.</summary>
    public string? ResourceName { get; set; }

    /// <summary>SHA-256 of the deployed XML, hex; an identical redeploy finds its version by it.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The deployed BPMN 2.0 XML, unchanged.</summary>
    public required string Xml { get; set; }

    /// <summary>When the version was deployed (UTC).</summary>
    public DateTimeOffset DeployedAt { get; set; }
}
