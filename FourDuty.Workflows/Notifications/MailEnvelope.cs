namespace FourDuty.Workflows.Notifications;

/// <summary>One message of the outbox, addressed to one recipient.</summary>
/// <param name="OutboxId">The outbox row; the message's <c>Message-ID</c> is derived from it, so a retry re-sends the same message.</param>
/// <param name="ToAddress">The recipient's address, e.g. <c>zhang.san@example.edu.cn</c>.</param>
/// <param name="ToName">The recipient's display name (Chinese names are encoded as UTF-8), or <see langword="null"/>.</param>
/// <param name="Content">The rendered subject, bodies and optional calendar part.</param>
public sealed record MailEnvelope(Guid OutboxId, string ToAddress, string? ToName, MailContent Content);
