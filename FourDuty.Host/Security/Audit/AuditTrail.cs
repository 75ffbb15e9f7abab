using System.Security.Claims;
using FourDuty.Host.Security.Accounts;
using FourDuty.Host.Security.Policies;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Host.Security.Audit;

/// <summary>
/// Writes and reads the audit trail. It can add entries and read them, and nothing else: there is no update or delete
/// here or anywhere, and the database refuses both (a trigger on PostgreSQL and on SQLite). Entries are kept for good,
/// which meets the rule of keeping them at least 180 days; an operator who must purge old ones drops the trigger
/// knowingly, outside the service.
/// </summary>
internal sealed class AuditTrail(AccessDbContext db)
{
    /// <summary>Adds an entry for what <paramref name="http"/> did; never throws for the caller's cancellation.</summary>
    public async Task RecordAsync(HttpContext http, string operation, int status, string? target, string? summary, string? actor = null, string? via = null)
    {
        var user = http.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Actor = Cut(actor ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", 256)!,
            Via = via ?? user.FindFirstValue(AccessClaims.Via),
            Ip = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Cut(http.Request.Headers.UserAgent.ToString(), 200),
            Operation = operation,
            Target = Cut(target, 400),
            Summary = Cut(summary, 1000),
            Status = status,
        });
        // The work is done whether or not the client is still waiting; its record must be written all the same.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Entries matching the query, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }

        if (!string.IsNullOrEmpty(query.Operation))
        {
            entries = entries.Where(e => e.Operation.StartsWith(query.Operation));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return await entries.OrderByDescending(e => e.Id).Take(query.Limit).ToListAsync(cancellationToken);
    }

    private static string? Cut(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
}

/// <summary>Which audit entries to read: by actor, by operation (a prefix such as <c>task.</c>), from (inclusive) to (exclusive).</summary>
internal sealed record AuditQuery(string? Actor, string? Operation, DateTimeOffset? From, DateTimeOffset? To, int Limit);
