using FourDuty.Workflows.Notifications;
using System.Net.Sockets;
using FourDuty.Host.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FourDuty.Tests.Host.Mail;

public sealed class SmtpFailuresTests
{
    public static TheoryData<Exception, MailOutcomeKind> Failures() => new()
    {
        { Command(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy), MailOutcomeKind.RetryLater },
        { Command(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.ErrorInProcessing), MailOutcomeKind.RetryLater },
        { Command(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.InsufficientStorage), MailOutcomeKind.RetryLater },
        { Command(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable), MailOutcomeKind.RetryLater },
        { Command(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable), MailOutcomeKind.Failed },
        { Command(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed), MailOutcomeKind.Failed },
        { Command(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ExceededStorageAllocation), MailOutcomeKind.Failed },
        { Command(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed), MailOutcomeKind.Failed },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), MailOutcomeKind.RetryLater },
        { new ServiceNotConnectedException("The SmtpClient is not connected."), MailOutcomeKind.RetryLater },
        { new SocketException((int)SocketError.ConnectionRefused), MailOutcomeKind.RetryLater },
        { new IOException("Connection reset by peer"), MailOutcomeKind.RetryLater },
        { new TimeoutException("The operation has timed out."), MailOutcomeKind.RetryLater },
        { new OperationCanceledException("The operation was canceled."), MailOutcomeKind.RetryLater },
        { new AuthenticationException("535: 5.7.8 Authentication credentials invalid"), MailOutcomeKind.RetryLater },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_SortsFailureIntoTransientOrPermanent_WhenMailKitReportsIt(Exception failure, MailOutcomeKind expected)
    {
        var outcome = SmtpFailures.Classify(failure).ShouldNotBeNull();

        outcome.Kind.ShouldBe(expected);
        outcome.Reply.ShouldContain(failure.Message);
    }

    [Fact]
    public void Classify_PutsStatusCodeAndMailboxInReply_WhenRecipientRejected()
    {
        var failure = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            MailboxAddress.Parse("nobody@fourduty.test"), "5.1.1 No such user here");

        SmtpFailures.Classify(failure).ShouldBe(new MailOutcome(MailOutcomeKind.Failed, "550 5.1.1 No such user here (RecipientNotAccepted nobody@fourduty.test)"));
    }

    [Fact]
    public void Classify_ReturnsNull_WhenExceptionIsABug()
    {
        SmtpFailures.Classify(new NullReferenceException()).ShouldBeNull();
    }

    private static SmtpCommandException Command(SmtpErrorCode error, SmtpStatusCode status) =>
        new(error, status, $"{(int)status} reply text from the server");
}
