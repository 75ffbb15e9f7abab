namespace FourDuty.Workflows.Models;

/// <summary>The process models deployed at start (configuration section <c>Workflows</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>The folder of the <c>.bpmn</c> and <c>.form</c> files; relative paths are read from the program's folder, where the build copies <c>workflows/</c>.</summary>
    public string Folder { get; set; } = "workflows";

    /// <summary>Whether the start deploys them (a file unchanged since the last deployment keeps its version).</summary>
    public bool DeployAtStart { get; set; } = true;
}
