namespace FourDuty.Engine.Runtime.State;

/// <summary>
/// A one-time link that lets one person act on one user task without signing in. Only a hash of the random
/// token is stored; the link expires, is used once, and dies with the task or when the task is reassigned.
/// </summary>
public sealed class TaskLinkRecord
{
    /// <summary>SHA-256 of the token, hex: the key.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The person the link was sent to.</summary>
    public string Person { get; set; } = "";

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this it only shows an "expired" page.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was used to complete the task.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
