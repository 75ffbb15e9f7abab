namespace FourDuty.Workflows.Persistence;

/// <summary>
/// What every record the processes write carries, so that a person's dossier and the oversight views can find it and
/// say where it came from: its id, when it was written and last changed, and the instance and element that wrote it.
/// </summary>
public abstract class DutyRecord
{
    /// <summary>The record's id.</summary>
    public Guid Id { get; set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The process instance that wrote it, if a process did.</summary>
    public Guid? SourceInstanceId { get; set; }

    /// <summary>The element (service task) that wrote it.</summary>
    public string? SourceElementId { get; set; }
}
