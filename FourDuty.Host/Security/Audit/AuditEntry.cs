using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Host.Security.Audit;

/// <summary>
/// One state change: who did what to which, when, from where, and how it ended. Append-only: the code has no path
/// that updates or deletes an entry, and a database trigger refuses both.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>Increasing with time of writing.</summary>
    public long Id { get; set; }

    /// <summary>When (the real clock, even when the engine runs on a simulated one).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The person id (or account name) who acted; <c>anonymous</c> when nobody could be named.</summary>
    public string Actor { get; set; } = "";

    /// <summary>How the actor proved who they are: <c>password</c>, <c>token</c>, <c>oidc</c>, <c>link</c>.</summary>
    public string? Via { get; set; }

    /// <summary>The client's IP address.</summary>
    public string? Ip { get; set; }

    /// <summary>The client's user agent, cut to 200 characters.</summary>
    public string? UserAgent { get; set; }

    /// <summary>A stable operation name, e.g. <c>task.complete</c>.</summary>
    public string Operation { get; set; } = "";

    /// <summary>The ids acted on, e.g. <c>id=…</c> or <c>key=review</c>.</summary>
    public string? Target { get; set; }

    /// <summary>A short summary; never a password, token or link.</summary>
    public string? Summary { get; set; }

    /// <summary>The HTTP status the operation ended with (2xx done; anything else refused or failed).</summary>
    public int Status { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Via).HasMaxLength(16);
        entry.Property(e => e.Ip).HasMaxLength(64);
        entry.Property(e => e.UserAgent).HasMaxLength(200);
        entry.Property(e => e.Operation).HasMaxLength(64);
        entry.Property(e => e.Target).HasMaxLength(400);
        entry.Property(e => e.Summary).HasMaxLength(1000);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Actor, e.At });
        entry.HasIndex(e => new { e.Operation, e.At });
    }
}
