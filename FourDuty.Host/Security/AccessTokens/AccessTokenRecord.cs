using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Host.Security.AccessTokens;

/// <summary>
/// A personal access token: a bearer credential for scripts and CI, acting as its owner with the owner's roles of the
/// moment. Only the SHA-256 of the secret is stored; the secret is shown once, when the token is made.
/// </summary>
internal sealed class AccessTokenRecord
{
    public Guid Id { get; set; }

    /// <summary>The owner's account name (the person id).</summary>
    public string Owner { get; set; } = "";

    /// <summary>What the owner called it ("CI deploy").</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was revoked; a revoked token never works again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who revoked it (the owner or an administrator).</summary>
    public string? RevokedBy { get; set; }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessTokenRecord>
{
    public void Configure(EntityTypeBuilder<AccessTokenRecord> token)
    {
        token.ToTable("access_personal_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Owner).HasMaxLength(256);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.RevokedBy).HasMaxLength(256);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.Owner);
    }
}
