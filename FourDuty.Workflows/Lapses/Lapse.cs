using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lapses;

/// <summary>
/// A lapse (失责记录): a deadline a subject missed, recorded for good even when the work is done later (Art. 26). It
/// can be annotated and classified under the "three distinctions" (Art. 15, 22), never deleted: no code path deletes
/// one, and on PostgreSQL and SQLite a trigger refuses a DELETE and any change of what was missed.
/// </summary>
public sealed class Lapse : DutyRecord
{
    /// <summary>The subject that missed it.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The person who held the task, if known.</summary>
    public string? PersonId { get; set; }

    /// <summary>The duty year of the deadline.</summary>
    public int Year { get; set; }

    /// <summary>What was missed (the task's name).</summary>
    public string What { get; set; } = "";

    /// <summary>The deadline missed.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The article the missed task served, if known.</summary>
    public string? Article { get; set; }

    /// <summary>The instance the missed task ran in.</summary>
    public Guid? MissedInstanceId { get; set; }

    /// <summary>The missed task's element id, if known.</summary>
    public string? MissedElementId { get; set; }

    /// <summary>The missed user task, if known.</summary>
    public Guid? MissedTaskId { get; set; }

    /// <summary>When the work was done after all (set once; the lapse stays).</summary>
    public DateTimeOffset? DoneLaterAt { get; set; }

    /// <summary>Its classification; unclassified until someone with the right weighs it.</summary>
    public LapseClass Class { get; set; }
}

/// <summary>
/// The "three distinctions" (三个区分开来, Art. 15): each tells a tolerable mistake from a violation. A lapse is
/// classified on one side of one of them, or left unclassified.
/// </summary>
public enum LapseClass
{
    /// <summary>Not yet weighed.</summary>
    Unclassified,

    /// <summary>A mistake from inexperience while pushing reform, trying something first (tolerable).</summary>
    ReformInexperience,

    /// <summary>A mistake in an exploratory trial the upper level had not ruled on (tolerable).</summary>
    ExploratoryTrial,

    /// <summary>An unintended slip while pushing development (tolerable).</summary>
    UnintendedSlip,

    /// <summary>A knowing violation (the other side of the first distinction).</summary>
    KnowingViolation,

    /// <summary>Going on after the upper level forbade it (the other side of the second).</summary>
    DefiedProhibition,

    /// <summary>For private gain (the other side of the third).</summary>
    PrivateGain,
}
