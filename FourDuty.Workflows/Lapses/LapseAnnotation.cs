namespace FourDuty.Workflows.Lapses;

/// <summary>A note added to a lapse (a reason, a clarification, a classification and why); append-only like the lapse.</summary>
public sealed class LapseAnnotation
{
    /// <summary>The note's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The lapse.</summary>
    public Guid LapseId { get; set; }

    /// <summary>Who wrote it.</summary>
    public string By { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What it says.</summary>
    public string Text { get; set; } = "";

    /// <summary>The classification it gave the lapse, if it classified it.</summary>
    public LapseClass? Class { get; set; }
}
