using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Oversight;

/// <summary>
/// The office's and the discipline secretary's review of a lapse (Art. 15, 22, 26): a note, and optionally its
/// classification under the "three distinctions" (三个区分开来). Each review adds an annotation and never removes or
/// rewrites anything: the lapse keeps what it recorded (the database refuses any other change), its classification is
/// the latest review's, and every earlier note stays in its history.
/// </summary>
public sealed class LapseReview(IDbContextFactory<DutyDbContext> contexts, TimeProvider clock)
{
    /// <summary>The longest note accepted.</summary>
    public const int MostText = 4000;

    /// <summary>Adds <paramref name="text"/> by <paramref name="by"/> to the lapse, classifying it when <paramref name="classification"/> is given.</summary>
    /// <returns>The lapse and its whole annotation history, oldest first; null when there is no such lapse.</returns>
    /// <exception cref="ArgumentException">The note is empty or longer than <see cref="MostText"/>.</exception>
    public async Task<LapseHistory?> AnnotateAsync(Guid lapseId, string by, string text, LapseClass? classification, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MostText)
        {
            throw new ArgumentException($"The note must be 1 to {MostText} characters.", nameof(text));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Lapses.FirstOrDefaultAsync(l => l.Id == lapseId, cancellationToken) is not { } lapse)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        db.LapseAnnotations.Add(new LapseAnnotation { Id = Guid.CreateVersion7(), LapseId = lapseId, By = by, At = now, Text = text.Trim(), Class = classification });
        if (classification is { } value)
        {
            lapse.Class = value;
            lapse.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await HistoryAsync(db, lapse, cancellationToken);
    }

    /// <summary>The lapse and its annotations, oldest first; null when there is no such lapse.</summary>
    public async Task<LapseHistory?> ReadAsync(Guid lapseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Lapses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lapseId, cancellationToken) is { } lapse
            ? await HistoryAsync(db, lapse, cancellationToken)
            : null;
    }

    private static async Task<LapseHistory> HistoryAsync(DutyDbContext db, Lapse lapse, CancellationToken cancellationToken) =>
        new(lapse, await db.LapseAnnotations.AsNoTracking().Where(a => a.LapseId == lapse.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken));
}

/// <summary>A lapse with its annotations, oldest first.</summary>
/// <param name="Lapse">The lapse as recorded (and its current classification).</param>
/// <param name="Annotations">Every note, oldest first.</param>
public sealed record LapseHistory(Lapse Lapse, IReadOnlyList<LapseAnnotation> Annotations);
