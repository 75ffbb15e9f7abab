using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Organization;

/// <summary>
/// Each person's one dossier (Art. 3: knowing, performing and checking duty in one loop), filled from the work itself:
/// the subjects they answer for, their list items (owned, or on their subjects' lists), their reports, lapses, talks and
/// follow-ups, each record with the instance that wrote it. Reads only; the oversight pages build on it.
/// </summary>
public sealed class Dossiers(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory)
{
    /// <summary>The dossier of <paramref name="personId"/> (for <paramref name="year"/>, or every year); null when nobody has that id.</summary>
    public async Task<Dossier?> ForPersonAsync(string personId, int? year = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = directory.Find(personId) ?? (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken))?.ToPerson();
        if (person is null)
        {
            return null;
        }

        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OwnerId == personId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var ids = subjects.Select(s => s.Id).ToList();
        return new Dossier(
            person,
            year,
            subjects,
            await db.ListItems.AsNoTracking().Where(i => (i.OwnerId == personId || ids.Contains(i.SubjectId)) && (year == null || i.Year == year))
                .OrderBy(i => i.Year).ThenBy(i => i.SubjectId).ThenBy(i => i.Order).ToListAsync(cancellationToken),
            await db.Assessments.AsNoTracking().Where(a => (a.PersonId == personId || (a.SubjectId != null && ids.Contains(a.SubjectId))) && (year == null || a.Year == year))
                .OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken),
            await db.Lapses.AsNoTracking().Where(l => (l.PersonId == personId || ids.Contains(l.SubjectId)) && (year == null || l.Year == year))
                .OrderBy(l => l.DueAt).ToListAsync(cancellationToken),
            await db.Talks.AsNoTracking().Where(t => t.PersonId == personId && (year == null || t.Year == year)).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken),
            await db.FollowUps.AsNoTracking().Where(f => f.PersonId == personId).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken));
    }
}

/// <summary>One person's records.</summary>
/// <param name="Person">Who.</param>
/// <param name="Year">The year shown, or null for every year.</param>
/// <param name="Subjects">The subjects they answer for.</param>
/// <param name="Items">Their list items: owned by them, or on their subjects' lists.</param>
/// <param name="Reports">Self-assessments, duty reports and other assessment records by them or their subjects.</param>
/// <param name="Lapses">Lapses of theirs or of their subjects (kept for good).</param>
/// <param name="Talks">Reminder talks held with them.</param>
/// <param name="FollowUps">Follow-ups they did for others.</param>
public sealed record Dossier(
    Person Person,
    int? Year,
    IReadOnlyList<Subject> Subjects,
    IReadOnlyList<ListItem> Items,
    IReadOnlyList<AssessmentRecord> Reports,
    IReadOnlyList<Lapse> Lapses,
    IReadOnlyList<ReminderTalk> Talks,
    IReadOnlyList<FollowUp> FollowUps);
