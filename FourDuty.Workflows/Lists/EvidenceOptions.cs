namespace FourDuty.Workflows.Lists;

/// <summary>Limits of uploaded evidence (configuration section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    /// <summary>The largest file accepted, in bytes (<c>Evidence:MaxBytes</c>, default 10 MB): a scan of a signed document, not a video.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The file types accepted, by extension (<c>Evidence:AllowedTypes</c>): each is also checked by its first bytes, so a
    /// renamed file is refused. Known: pdf, ofd, jpg, jpeg, png, docx, xlsx, pptx, doc, xls, ppt.
    /// </summary>
    public List<string> AllowedTypes { get; set; } = ["pdf", "ofd", "jpg", "jpeg", "png", "docx", "xlsx", "pptx", "doc", "xls", "ppt"];
}
