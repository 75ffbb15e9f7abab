using System.Collections.Concurrent;
using FourDuty.Host.Mail;

namespace FourDuty.Host.TestRuns;

/// <summary>
/// A test-run's mail: every message is rendered with the real templates exactly as it would be sent, and kept here
/// instead of reaching a mail server or the pickup folder.
/// </summary>
internal sealed class CapturingMailTransport(TimeProvider clock) : IMailTransport
{
    private readonly ConcurrentQueue<CapturedMail> _mails = new();

    public IReadOnlyList<CapturedMail> Mails => [.. _mails];

    public Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken)
    {
        var content = envelope.Content;
        _mails.Enqueue(new CapturedMail(envelope.OutboxId, clock.GetUtcNow(), envelope.ToAddress, envelope.ToName, content.Subject,
            content.Html, content.Text, content.Calendar?.Method));
        return Task.FromResult(new MailOutcome(MailOutcomeKind.Sent, "kept by the test-run, not sent"));
    }
}

/// <summary>A message a test-run would have sent.</summary>
internal sealed record CapturedMail(Guid OutboxId, DateTimeOffset At, string ToAddress, string? ToName, string Subject, string Html, string Text,
    string? CalendarMethod);
