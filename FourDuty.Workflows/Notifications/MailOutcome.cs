namespace FourDuty.Workflows.Notifications;

/// <summary>How one attempt to send a message ended.</summary>
public enum MailOutcomeKind
{
    /// <summary>The server (or the pickup folder) took the message.</summary>
    Sent,

    /// <summary>A transient failure (network, timeout, a 4xx reply, the server unreachable): send again later.</summary>
    RetryLater,

    /// <summary>A permanent failure (a 5xx reply, a rejected recipient or sender, an invalid address): do not retry.</summary>
    Failed,
}

/// <summary>The outcome of one send attempt and what the server said.</summary>
/// <param name="Kind">Sent, retry later, or failed for good.</param>
/// <param name="Reply">
/// The server's reply: for <see cref="MailOutcomeKind.Sent"/> its answer to DATA; for a refusal the status code and text;
/// for a network failure what went wrong. Stored with the outbox row and shown in the UI.
/// </param>
public sealed record MailOutcome(MailOutcomeKind Kind, string Reply);
