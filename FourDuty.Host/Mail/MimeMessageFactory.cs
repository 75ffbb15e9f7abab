using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FourDuty.Host.Mail;

/// <summary>
/// Builds the MIME message of an envelope: UTF-8 (RFC 2047) names and subject, a <c>Message-ID</c> derived from the
/// outbox id, and <c>multipart/alternative</c> with text/plain, text/html and, for invitations, text/calendar.
/// </summary>
internal sealed class MimeMessageFactory(IOptions<MailOptions> options, TimeProvider time)
{
    /// <summary>How every message is written: CRLF line ends and RFC 2047 headers even when the server speaks SMTPUTF8.</summary>
    public static readonly FormatOptions Format = CreateFormat();

    /// <summary>The <c>Message-ID</c> (without angle brackets) of the message of <paramref name="outboxId"/>.</summary>
    public string MessageIdOf(Guid outboxId) => $"{outboxId:N}@{options.Value.MessageIdDomain}";

    /// <summary>The message of <paramref name="envelope"/>, encoded for a 7-bit transport.</summary>
    /// <exception cref="FormatException">The recipient or the configured sender is not a valid email address.</exception>
    public MimeMessage Create(MailEnvelope envelope)
    {
        var settings = options.Value;
        var content = envelope.Content;
        var message = new MimeMessage
        {
            MessageId = MessageIdOf(envelope.OutboxId),
            Date = time.GetUtcNow(),
            Body = CreateBody(content),
        };
        message.From.Add(MailAddresses.Create(settings.FromName, settings.From ?? MailOptions.PickupFrom));
        message.To.Add(MailAddresses.Create(envelope.ToName, envelope.ToAddress));
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, MailAddresses.OneLine(content.Subject) ?? string.Empty);

        // Notifications: ask for no out-of-office or other automatic replies (RFC 3834; Exchange's own header).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");

        // Choose quoted-printable or base64 per part now, so that the pickup folder and SMTP carry the same bytes.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static MultipartAlternative CreateBody(MailContent content)
    {
        // Clients show the last alternative they understand: text first, then HTML, then the invitation.
        var body = new MultipartAlternative
        {
            TextPartOf("plain", content.Text),
            TextPartOf("html", content.Html),
        };
        if (content.Calendar is { } calendar)
        {
            var part = TextPartOf("calendar", calendar.Ics);
            part.ContentType.Parameters.Add("method", calendar.Method);
            body.Add(part);
        }

        return body;
    }

    private static TextPart TextPartOf(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        return format;
    }
}
