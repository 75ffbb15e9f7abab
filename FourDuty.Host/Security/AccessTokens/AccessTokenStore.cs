using System.Security.Cryptography;
using System.Text;
using FourDuty.Host.Security.Accounts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Host.Security.AccessTokens;

/// <summary>
/// Makes, finds and revokes personal access tokens. A token is <c>fdpat_</c> and 256 random bits; it is shown once
/// and only its SHA-256 is kept (a fast hash suffices for a random secret of that length: there is nothing to guess).
/// Times are the real clock's, even when the engine runs on a simulated one.
/// </summary>
internal sealed class AccessTokenStore(AccessDbContext db)
{
    public const string Prefix = "fdpat_";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(366);

    /// <summary>Makes a token for <paramref name="owner"/>; the returned secret is not kept anywhere.</summary>
    public async Task<(AccessTokenRecord Token, string Secret)> CreateAsync(string owner, string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var secret = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = DateTimeOffset.UtcNow;
        var token = new AccessTokenRecord
        {
            Id = Guid.NewGuid(),
            Owner = owner,
            Name = name,
            Hash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The unrevoked, unexpired token with this secret, or null.</summary>
    public async Task<AccessTokenRecord?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!LooksValid(secret))
        {
            return null;
        }

        var hash = Hash(secret);
        var token = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return token is { RevokedAt: null } && token.ExpiresAt > DateTimeOffset.UtcNow ? token : null;
    }

    public async Task<IReadOnlyList<AccessTokenRecord>> ListAsync(string? owner, CancellationToken cancellationToken) =>
        (await db.AccessTokens.AsNoTracking().Where(t => owner == null || t.Owner == owner).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt).ToList();

    public Task<AccessTokenRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Revokes the token for good; revoking it again changes nothing.</summary>
    public async Task RevokeAsync(AccessTokenRecord token, string by, CancellationToken cancellationToken)
    {
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = DateTimeOffset.UtcNow;
        token.RevokedBy = by;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool LooksValid(string secret) =>
        secret.Length == Prefix.Length + 43 && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
