using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Oversight;

/// <summary>
/// A person's dossier (履责档案) as the oversight pages show it: the records <see cref="Dossiers"/> gathers, with what hangs
/// on them — the evidence of each item, the notes of each lapse, the commitments of each talk — and the findings the
/// person answers for. Filled only from the work; nothing in it is typed for it.
/// </summary>
public sealed class DossierReader(Dossiers dossiers, IDbContextFactory<DutyDbContext> contexts)
{
    /// <summary>The dossier of <paramref name="personId"/> for <paramref name="year"/> (or every year); null when nobody has that id.</summary>
    public async Task<DossierView?> ForPersonAsync(string personId, int? year, CancellationToken cancellationToken = default)
    {
        if (await dossiers.ForPersonAsync(personId, year, cancellationToken) is not { } dossier)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var itemIds = dossier.Items.Select(i => i.Id).ToList();
        var evidence = (await (from link in db.EvidenceLinks.AsNoTracking()
                               join item in db.Evidence.AsNoTracking() on link.EvidenceId equals item.Id
                               where link.TargetKind == EvidenceTarget.ListItem && itemIds.Contains(link.TargetId)
                               orderby link.LinkedAt
                               select new { link.TargetId, Evidence = new EvidenceRef(item.Id, item.Kind, item.Name, item.Url) }).ToListAsync(cancellationToken))
            .ToLookup(e => e.TargetId, e => e.Evidence);
        var lapseIds = dossier.Lapses.Select(l => l.Id).ToList();
        var notes = (await db.LapseAnnotations.AsNoTracking().Where(a => lapseIds.Contains(a.LapseId)).ToListAsync(cancellationToken)).ToLookup(a => a.LapseId);
        var talkIds = dossier.Talks.Select(t => t.Id).ToList();
        var promises = (await db.Commitments.AsNoTracking().Where(c => talkIds.Contains(c.TalkId)).ToListAsync(cancellationToken)).ToLookup(c => c.TalkId);
        var subjectIds = dossier.Subjects.Select(s => s.Id).ToList();
        var findings = await (from finding in db.Findings.AsNoTracking()
                              join feedback in db.Feedback.AsNoTracking() on finding.FeedbackId equals feedback.Id
                              where (finding.LeaderId == personId || (finding.SubjectId != null && subjectIds.Contains(finding.SubjectId))) && (year == null || feedback.Year == year)
                              orderby feedback.ReceivedOn, finding.Number
                              select new DossierFinding(finding.Id, feedback.Id, feedback.Title, finding.Number, finding.Text, finding.SubjectId, finding.Deadline, finding.State,
                                  finding.ClosedAt))
            .ToListAsync(cancellationToken);

        return new DossierView(
            dossier.Person.Id,
            dossier.Person.Name,
            dossier.Person.Title,
            year,
            dossier.Subjects.Select(s => new DossierSubject(s.Id, s.Name, s.Kind)).ToList(),
            dossier.Items.Select(i => new DossierItem(i.Id, i.Year, i.SubjectId, i.Kind, i.Title, i.Detail, i.OwnerId, i.DueOn, i.State, evidence[i.Id].ToList(),
                i.SourceInstanceId)).ToList(),
            dossier.Reports.Select(r => new DossierReport(r.Id, r.Kind, r.Year, r.SubjectId, r.Period, r.Summary, r.Problems, r.NextSteps, (r as DutyReport)?.Evaluation,
                r.HeldOn, r.SourceInstanceId)).ToList(),
            findings,
            dossier.Lapses.Select(l => new DossierLapse(l.Id, l.Year, l.SubjectId, l.What, l.DueAt, l.DoneLaterAt, l.Class,
                notes[l.Id].OrderBy(a => a.At).ThenBy(a => a.Id).ToList(), l.SourceInstanceId, l.MissedInstanceId, l.MissedElementId)).ToList(),
            dossier.Talks.Select(t => new DossierTalk(t.Id, t.Year, t.SubjectId, t.Kind, t.HolderId, t.Reason, t.ScheduledAt, t.Record, t.RecordedAt,
                promises[t.Id].OrderBy(c => c.Number).ToList(), t.SourceInstanceId)).ToList(),
            dossier.FollowUps.Select(f => new DossierFollowUp(f.Id, f.LapseId, f.CommitmentId, f.Actions, f.Outcome, f.CreatedAt)).ToList());
    }
}

/// <summary>A person's dossier; every record says which process instance wrote it.</summary>
/// <param name="PersonId">Who.</param>
/// <param name="Name">Their name.</param>
/// <param name="Title">Their post.</param>
/// <param name="Year">The year shown, or null for every year.</param>
/// <param name="Subjects">The subjects they answer for.</param>
/// <param name="Items">Their list items, with evidence.</param>
/// <param name="Reports">Self-assessments, duty reports and the like.</param>
/// <param name="Findings">Findings their subjects rectify or they lead.</param>
/// <param name="Lapses">Their lapses, with every annotation.</param>
/// <param name="Talks">Talks held with them, with commitments.</param>
/// <param name="FollowUps">Follow-ups they did.</param>
public sealed record DossierView(string PersonId, string Name, string? Title, int? Year, IReadOnlyList<DossierSubject> Subjects, IReadOnlyList<DossierItem> Items,
    IReadOnlyList<DossierReport> Reports, IReadOnlyList<DossierFinding> Findings, IReadOnlyList<DossierLapse> Lapses, IReadOnlyList<DossierTalk> Talks,
    IReadOnlyList<DossierFollowUp> FollowUps);

/// <summary>A subject in a dossier.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its duty.</param>
public sealed record DossierSubject(string Id, string Name, DutyKind Kind);

/// <summary>A piece of evidence: a file (served at <c>/api/evidence/{id}</c>) or a link.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">File or link.</param>
/// <param name="Name">Its name.</param>
/// <param name="Url">The link's address.</param>
public sealed record EvidenceRef(Guid Id, EvidenceKind Kind, string Name, string? Url);

/// <summary>A list item in a dossier.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Year">Its year.</param>
/// <param name="SubjectId">Its subject.</param>
/// <param name="List">Which list.</param>
/// <param name="Title">What.</param>
/// <param name="Detail">Detail.</param>
/// <param name="OwnerId">Who carries it out.</param>
/// <param name="DueOn">By when.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Evidence">What supports it.</param>
/// <param name="InstanceId">The instance that wrote it.</param>
public sealed record DossierItem(Guid Id, int Year, string SubjectId, ListKind List, string Title, string? Detail, string? OwnerId, DateOnly? DueOn, ItemState State,
    IReadOnlyList<EvidenceRef> Evidence, Guid? InstanceId);

/// <summary>An assessment record in a dossier.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Self-assessment, duty report, …</param>
/// <param name="Year">Its year.</param>
/// <param name="SubjectId">Its subject.</param>
/// <param name="Period">Its period.</param>
/// <param name="Summary">What it says.</param>
/// <param name="Problems">Problems found.</param>
/// <param name="NextSteps">What comes next.</param>
/// <param name="Evaluation">A duty report's evaluation.</param>
/// <param name="HeldOn">When.</param>
/// <param name="InstanceId">The instance that wrote it.</param>
public sealed record DossierReport(Guid Id, AssessmentKind Kind, int Year, string? SubjectId, string Period, string? Summary, string? Problems, string? NextSteps,
    string? Evaluation, DateOnly? HeldOn, Guid? InstanceId);

/// <summary>A finding in a dossier.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FeedbackId">Its feedback.</param>
/// <param name="Feedback">The feedback's title.</param>
/// <param name="Number">Its number.</param>
/// <param name="Text">What was found.</param>
/// <param name="SubjectId">Its subject.</param>
/// <param name="Deadline">By when.</param>
/// <param name="State">Where it stands.</param>
/// <param name="ClosedAt">When closed out.</param>
public sealed record DossierFinding(Guid Id, Guid FeedbackId, string Feedback, int Number, string Text, string? SubjectId, DateOnly? Deadline, FindingState State,
    DateTimeOffset? ClosedAt);

/// <summary>A lapse in a dossier, with its notes.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Year">Its year.</param>
/// <param name="SubjectId">Its subject.</param>
/// <param name="What">What was missed.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="DoneLaterAt">When done after all.</param>
/// <param name="Class">Its classification.</param>
/// <param name="Annotations">Its notes, oldest first.</param>
/// <param name="InstanceId">The instance that wrote it (the gap-filling).</param>
/// <param name="MissedInstanceId">The instance the missed task ran in.</param>
/// <param name="MissedElementId">The missed task's element id in its model.</param>
public sealed record DossierLapse(Guid Id, int Year, string SubjectId, string What, DateTimeOffset DueAt, DateTimeOffset? DoneLaterAt, LapseClass Class,
    IReadOnlyList<LapseAnnotation> Annotations, Guid? InstanceId, Guid? MissedInstanceId = null, string? MissedElementId = null);

/// <summary>A talk in a dossier, with its commitments.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Year">Its year.</param>
/// <param name="SubjectId">Its subject.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="HolderId">Who held it.</param>
/// <param name="Reason">Why.</param>
/// <param name="ScheduledAt">When.</param>
/// <param name="Record">What was said.</param>
/// <param name="RecordedAt">When recorded.</param>
/// <param name="Commitments">What was promised.</param>
/// <param name="InstanceId">The instance that wrote it.</param>
public sealed record DossierTalk(Guid Id, int Year, string SubjectId, TalkKind Kind, string HolderId, string? Reason, DateTimeOffset? ScheduledAt, string? Record,
    DateTimeOffset? RecordedAt, IReadOnlyList<TalkCommitment> Commitments, Guid? InstanceId);

/// <summary>A follow-up in a dossier.</summary>
/// <param name="Id">Its id.</param>
/// <param name="LapseId">The lapse followed up.</param>
/// <param name="CommitmentId">The commitment followed up.</param>
/// <param name="Actions">What was done.</param>
/// <param name="Outcome">Where it stands.</param>
/// <param name="At">When.</param>
public sealed record DossierFollowUp(Guid Id, Guid? LapseId, Guid? CommitmentId, string Actions, string? Outcome, DateTimeOffset At);
