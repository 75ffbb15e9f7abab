using FourDuty.Workflows.Notifications;
using FourDuty.Host.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace FourDuty.Tests.Host.Mail;

public sealed class PickupFolderMailTransportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"fourduty-pickup-{Guid.NewGuid():N}");
    private readonly PickupFolderMailTransport transport;

    public PickupFolderMailTransportTests()
    {
        var options = MailTestData.Options(o => o.PickupFolder = folder);
        transport = new PickupFolderMailTransport(options, MailTestData.Factory(options), NullLogger<PickupFolderMailTransport>.Instance);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_WritesOneEmlNamedAfterTheOutboxId_WhenSentTwice()
    {
        var envelope = MailTestData.Envelope();

        var first = await transport.SendAsync(envelope, CancellationToken.None);
        var second = await transport.SendAsync(envelope, CancellationToken.None);

        var path = Path.Combine(folder, $"{envelope.OutboxId:N}.eml");
        Directory.GetFiles(folder).ShouldBe([path]);
        first.ShouldBe(new MailOutcome(MailOutcomeKind.Sent, $"written to {path}"));
        second.ShouldBe(first);
    }

    [Fact]
    public async Task SendAsync_WritesOneFilePerOutboxId_WhenSeveralMailsAreSent()
    {
        var envelopes = Enumerable.Range(0, 3).Select(_ => MailTestData.Envelope()).ToList();

        foreach (var envelope in envelopes)
        {
            (await transport.SendAsync(envelope, CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);
        }

        Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(envelopes.Select(e => $"{e.OutboxId:N}.eml"), ignoreOrder: true);
    }

    [Fact]
    public async Task SendAsync_WritesTheSameMessageAsSmtp_WhenFolderIsUsed()
    {
        var envelope = MailTestData.Envelope();

        await transport.SendAsync(envelope, CancellationToken.None);

        var message = await MimeMessage.LoadAsync(transport.PathOf(envelope.OutboxId));
        message.MessageId.ShouldBe($"{envelope.OutboxId:N}@fourduty.mail");
        message.Subject.ShouldBe(MailTestData.Subject);
        message.To.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe(MailTestData.RecipientName);
        message.Body.ShouldBeOfType<MultipartAlternative>().Count.ShouldBe(2);
        (await File.ReadAllTextAsync(transport.PathOf(envelope.OutboxId))).ShouldContain("\r\n");
    }

    [Fact]
    public async Task SendAsync_AnswersFailed_WhenRecipientAddressIsInvalid()
    {
        var outcome = await transport.SendAsync(MailTestData.Envelope(to: "张三"), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Failed);
        Directory.Exists(folder).ShouldBeFalse();
    }
}
