using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// A piece of evidence (佐证材料): a link, or a small file uploaded once and linked to every item and finding it
/// supports, so that nobody uploads the same file in several places.
/// </summary>
public sealed class Evidence : DutyRecord
{
    /// <summary>A link or a file.</summary>
    public EvidenceKind Kind { get; set; }

    /// <summary>The subject it belongs to, if known.</summary>
    public string? SubjectId { get; set; }

    /// <summary>Who added it (a person id), if known.</summary>
    public string? AddedBy { get; set; }

    /// <summary>The file's name, or the link's title (its address when it has none).</summary>
    public string Name { get; set; } = "";

    /// <summary>The link's address (http or https), for a link.</summary>
    public string? Url { get; set; }

    /// <summary>The file's media type, e.g. <c>application/pdf</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The file's size in bytes.</summary>
    public long? Size { get; set; }

    /// <summary>The SHA-256 of the file (lower-case hex): the same file uploaded again is the same evidence.</summary>
    public string? Sha256 { get; set; }
}

/// <summary>A link or a file.</summary>
public enum EvidenceKind
{
    /// <summary>An uploaded file kept in the database.</summary>
    File,

    /// <summary>An http(s) address.</summary>
    Link,
}

/// <summary>The bytes of an uploaded file, kept apart so that lists of evidence never load them.</summary>
public sealed class EvidenceContent
{
    /// <summary>The evidence.</summary>
    public Guid EvidenceId { get; set; }

    /// <summary>The file.</summary>
    public byte[] Bytes { get; set; } = [];
}

/// <summary>Which record a piece of evidence supports.</summary>
public sealed class EvidenceLink
{
    /// <summary>The link's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The evidence.</summary>
    public Guid EvidenceId { get; set; }

    /// <summary>What kind of record it supports.</summary>
    public EvidenceTarget TargetKind { get; set; }

    /// <summary>The record's id.</summary>
    public Guid TargetId { get; set; }

    /// <summary>When it was linked.</summary>
    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>The records evidence can support.</summary>
public enum EvidenceTarget
{
    /// <summary>A duty, risk or measure list item.</summary>
    ListItem,

    /// <summary>A finding of a feedback.</summary>
    Finding,
}
