namespace FourDuty.Workflows.Handlers;

/// <summary>
/// A service task job whose writes committed, with the variables it handed back: a run of the same job again (jobs are
/// at least once) finds it and hands back the same variables, writing nothing.
/// </summary>
public sealed class HandlerRun
{
    /// <summary>The engine's job id, stable across retries.</summary>
    public Guid JobId { get; set; }

    /// <summary>The <c>camunda:type</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The element.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>The variables handed back, as JSON.</summary>
    public string Result { get; set; } = "{}";

    /// <summary>When it committed.</summary>
    public DateTimeOffset At { get; set; }
}
