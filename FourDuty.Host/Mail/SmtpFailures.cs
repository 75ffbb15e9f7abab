using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FourDuty.Host.Mail;

/// <summary>
/// Sorts SMTP failures into transient (send again later) and permanent (fail for good), as MailKit reports them:
/// <see cref="SmtpCommandException.StatusCode"/> 4xx is transient and 5xx permanent, whatever the command
/// (<see cref="SmtpErrorCode.RecipientNotAccepted"/>, <see cref="SmtpErrorCode.SenderNotAccepted"/>,
/// <see cref="SmtpErrorCode.MessageNotAccepted"/>); losing the server is transient, and so is a reply that is no
/// refusal at all (a 221 "closing" read where an answer to MAIL was expected: the server had hung up).
/// </summary>
internal static class SmtpFailures
{
    /// <summary>The outcome for <paramref name="exception"/>, or <see langword="null"/> when it is not a mail failure (a bug, to be thrown).</summary>
    public static MailOutcome? Classify(Exception exception) => exception switch
    {
        SmtpCommandException command => new MailOutcome(IsTransient(command.StatusCode) ? MailOutcomeKind.RetryLater : MailOutcomeKind.Failed, ReplyOf(command)),

        // The server hung up, the network failed, a command timed out, or the client was not connected.
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException or OperationCanceledException
            => new MailOutcome(MailOutcomeKind.RetryLater, $"{Describe(exception)}: {exception.Message}"),

        // Wrong credentials or certificates are the configuration's fault, not the message's: once an operator fixes them,
        // the same message goes out. Failing it for good would lose it.
        AuthenticationException or SslHandshakeException
            => new MailOutcome(MailOutcomeKind.RetryLater, $"{Describe(exception)} (check Mail:Smtp): {exception.Message}"),

        _ => null,
    };

    /// <summary>
    /// True when <paramref name="exception"/> may only mean that a connection kept open between sends went stale
    /// (the server closed it while idle), so that one more try on a new connection is right.
    /// </summary>
    public static bool MayBeStaleConnection(Exception exception) => exception switch
    {
        SmtpCommandException command => IsClosing(command.StatusCode),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException => true,
        _ => false,
    };

    /// <summary>True when the client must not be used again after <paramref name="exception"/>.</summary>
    public static bool BreaksConnection(Exception exception) =>
        exception is not SmtpCommandException command || IsClosing(command.StatusCode);

    private static bool IsTransient(SmtpStatusCode status) => (int)status < 500;

    /// <summary>421 (service not available, closing) or any reply below 400 where a refusal was reported, such as 221.</summary>
    private static bool IsClosing(SmtpStatusCode status) => status == SmtpStatusCode.ServiceNotAvailable || (int)status < 400;

    private static string ReplyOf(SmtpCommandException command)
    {
        var mailbox = command.Mailbox is null ? string.Empty : $" ({command.ErrorCode} {command.Mailbox.Address})";
        return $"{(int)command.StatusCode} {command.Message}{mailbox}";
    }

    private static string Describe(Exception exception) => exception switch
    {
        SmtpProtocolException => "The SMTP server broke the conversation",
        ServiceNotConnectedException => "Not connected to the SMTP server",
        SocketException or IOException => "The SMTP server could not be reached",
        TimeoutException or OperationCanceledException => "The SMTP server did not answer in time",
        AuthenticationException => "The SMTP server refused the credentials",
        SslHandshakeException => "TLS with the SMTP server failed",
        _ => exception.GetType().Name,
    };
}
