using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// Links evidence to the record it supports: uploaded pieces by id, links by address (one <see cref="Evidence"/> per
/// subject and address, however often it is named). Linking twice is linking once.
/// </summary>
internal static class EvidenceLinks
{
    public static async Task AttachAsync(DutyDbContext db, IEnumerable<string> named, EvidenceTarget kind, Guid targetId, string? subjectId,
        Guid? sourceInstanceId, string? sourceElementId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var value in named.Distinct(StringComparer.Ordinal))
        {
            var evidenceId = Guid.TryParse(value, out var id) ? id : await LinkEvidenceAsync(db, value, subjectId, sourceInstanceId, sourceElementId, now, cancellationToken);
            var linked = db.EvidenceLinks.Local.Any(l => l.EvidenceId == evidenceId && l.TargetKind == kind && l.TargetId == targetId)
                || await db.EvidenceLinks.AnyAsync(l => l.EvidenceId == evidenceId && l.TargetKind == kind && l.TargetId == targetId, cancellationToken);
            if (!linked)
            {
                db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.CreateVersion7(now), EvidenceId = evidenceId, TargetKind = kind, TargetId = targetId, LinkedAt = now });
            }
        }
    }

    /// <summary>Evidence linked to records, as forms show it again: uploaded ids and link addresses, per record.</summary>
    public static async Task<Dictionary<Guid, List<string>>> OfAsync(DutyDbContext db, EvidenceTarget kind, IReadOnlyCollection<Guid> targets,
        CancellationToken cancellationToken)
    {
        var rows = await (from link in db.EvidenceLinks.AsNoTracking()
                          join evidence in db.Evidence.AsNoTracking() on link.EvidenceId equals evidence.Id
                          where link.TargetKind == kind && targets.Contains(link.TargetId)
                          orderby link.LinkedAt
                          select new { link.TargetId, evidence.Id, evidence.Kind, evidence.Url }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TargetId).ToDictionary(g => g.Key, g => g.Select(r => r.Kind == EvidenceKind.Link ? r.Url! : r.Id.ToString()).ToList());
    }

    private static async Task<Guid> LinkEvidenceAsync(DutyDbContext db, string url, string? subjectId, Guid? sourceInstanceId, string? sourceElementId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = db.Evidence.Local.FirstOrDefault(e => e.Kind == EvidenceKind.Link && e.Url == url && e.SubjectId == subjectId)
            ?? await db.Evidence.FirstOrDefaultAsync(e => e.Kind == EvidenceKind.Link && e.Url == url && e.SubjectId == subjectId, cancellationToken);
        if (known is not null)
        {
            return known.Id;
        }

        var evidence = new Evidence
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            UpdatedAt = now,
            SourceInstanceId = sourceInstanceId,
            SourceElementId = sourceElementId,
            Kind = EvidenceKind.Link,
            SubjectId = subjectId,
            Name = url.Length > 255 ? url[..255] : url,
            Url = url,
        };
        db.Evidence.Add(evidence);
        return evidence.Id;
    }
}
