namespace FourDuty.Engine.Deployment;

/// <summary>One deployed version of a form-js form (a <c>.form</c> file), found by the file name a task's formKey gives.</summary>
public sealed class FormDefinitionRecord
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; set; }

    /// <summary>The file name, e.g. <c>rectification.form</c>; versions are counted per key.</summary>
    public string Key { get; set; } = "";

    /// <summary>The form's own <c>id</c>, if it has one.</summary>
    public string? FormId { get; set; }

    /// <summary>1 for the first deployment of the key, then one more per changed form.</summary>
    public int Version { get; set; }

    /// <summary>The deployment that brought this version.</summary>
    public Guid DeploymentId { get; set; }

    /// <summary>SHA-256 of the JSON, hex.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The form-js JSON, unchanged.</summary>
    public string Json { get; set; } = "";

    /// <summary>When it was deployed.</summary>
    public DateTimeOffset DeployedAt { get; set; }
}
