namespace FourDuty.Workflows.Notifications;

/// <summary>Delivers one rendered message: to an SMTP server, or to the pickup folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Sends <paramref name="envelope"/> once and says how it went.</summary>
    /// <param name="envelope">The message; its outbox id fixes the <c>Message-ID</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt (shutdown); a cancelled attempt throws instead of answering.</param>
    /// <returns>
    /// <see cref="MailOutcomeKind.Sent"/>, <see cref="MailOutcomeKind.RetryLater"/> or <see cref="MailOutcomeKind.Failed"/>,
    /// with the server's reply text.
    /// </returns>
    /// <remarks>
    /// Failures of the mail system are answered, not thrown: the caller stores the reply and retries only
    /// <see cref="MailOutcomeKind.RetryLater"/>. Sending the same envelope twice delivers two copies with one
    /// <c>Message-ID</c>, which mail clients show as one message.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken);
}
