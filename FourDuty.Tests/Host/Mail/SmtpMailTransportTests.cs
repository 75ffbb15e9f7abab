using FourDuty.Workflows.Notifications;
using FourDuty.Host.Mail;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace FourDuty.Tests.Host.Mail;

public sealed class SmtpMailTransportTests : IAsyncLifetime
{
    private TestSmtpServer server = null!;
    private SmtpMailTransport transport = null!;

    public async Task InitializeAsync()
    {
        server = await TestSmtpServer.StartAsync();
        transport = MailTestData.SmtpTransport(server.Port);
    }

    public async Task DisposeAsync()
    {
        await transport.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_DeliversUtf8NamesSubjectAndThreeAlternatives_WhenContentHasCalendar()
    {
        var invitation = new CalendarInvitations(new FakeTimeProvider(MailTestData.Now)).CreateRequest(MailTestData.Talk());

        var outcome = await transport.SendAsync(MailTestData.Envelope(calendar: invitation), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Sent, outcome.Reply);
        var mail = await server.NextAsync();
        mail.EnvelopeFrom.ShouldBe(MailTestData.Sender);
        mail.EnvelopeTo.ShouldBe([MailTestData.Recipient]);
        var to = mail.Message.To.Mailboxes.ShouldHaveSingleItem();
        to.Address.ShouldBe(MailTestData.Recipient);
        to.Name.ShouldBe(MailTestData.RecipientName);
        mail.Message.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("四责协同");
        mail.Message.Subject.ShouldBe(MailTestData.Subject);
        // Encoded words in UTF-8 (RFC 2047), even though the server would take raw UTF-8 headers.
        mail.RawHeaders.ShouldContain("Subject: =?utf-8?", Case.Insensitive);
        mail.RawHeaders.ShouldContain("To: =?utf-8?", Case.Insensitive);
        mail.RawHeaders.ShouldContain("From: =?utf-8?", Case.Insensitive);
        mail.Raw.ShouldAllBe(b => b < 128, "every byte on the wire should be 7-bit");

        var body = mail.Message.Body.ShouldBeOfType<MultipartAlternative>();
        body.Select(part => part.ContentType.MimeType).ShouldBe(["text/plain", "text/html", "text/calendar"]);
        var parts = body.Cast<TextPart>().ToList();
        parts.ShouldAllBe(part => part.ContentType.Charset == "utf-8");
        parts[0].Text.ShouldContain("您有一项待办任务");
        parts[1].Text.ShouldContain("立即办理");
        parts[2].ContentType.Parameters["method"].ShouldBe("REQUEST");
        parts[2].Text.ShouldContain("METHOD:REQUEST");
        parts[2].Text.ShouldContain("UID:talk-7f3a@fourduty");
    }

    [Fact]
    public async Task SendAsync_DeliversARenderedTalkInvitationWithItsCalendar_WhenTemplateAndInvitationAreCombined()
    {
        var talk = MailTestData.Talk(sequence: 3);
        var model = new TalkMailModel
        {
            RecipientName = talk.AttendeeName,
            TalkKind = talk.Summary,
            StartAt = MailDates.Format(talk.Start, "zh-CN"),
            EndAt = MailDates.FormatEnd(talk.Start, talk.End, "zh-CN"),
            Location = talk.Location,
            ConvenerName = talk.OrganizerName,
        };
        var content = await new MailTemplates(MailTestData.Notifications()).RenderAsync("talk-invitation", "zh-CN", model);
        var calendar = new CalendarInvitations(new FakeTimeProvider(MailTestData.Now)).CreateRequest(talk);

        var outcome = await transport.SendAsync(new MailEnvelope(Guid.NewGuid(), talk.AttendeeAddress, talk.AttendeeName, content with { Calendar = calendar }), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Sent, outcome.Reply);
        var mail = await server.NextAsync();
        mail.Message.Subject.ShouldBe("【约谈通知】提醒谈话：2026年3月10日 14:30，行政楼302会议室");
        var parts = mail.Message.Body.ShouldBeOfType<MultipartAlternative>().Cast<TextPart>().ToList();
        parts[0].Text.ShouldContain("定于2026年3月10日 14:30至15:30在行政楼302会议室与您进行提醒谈话");
        parts[1].Text.ShouldContain("width=\"600\"");
        var ics = Ical.Net.Calendar.Load(parts[2].Text)!;
        ics.Method.ShouldBe("REQUEST");
        ics.Events.Single().Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_AnswersSentWithTheServersReplyToData_WhenServerAccepts()
    {
        var outcome = await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None);

        outcome.ShouldBe(new MailOutcome(MailOutcomeKind.Sent, "2.0.0 Ok: queued as 1"));
        (await server.NextAsync()).Message.Subject.ShouldBe(MailTestData.Subject);
    }

    [Fact]
    public async Task SendAsync_DeliversTwoCopiesWithOneMessageId_WhenSameEnvelopeSentTwice()
    {
        var envelope = MailTestData.Envelope();

        (await transport.SendAsync(envelope, CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);
        (await transport.SendAsync(envelope, CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);

        var first = await server.NextAsync();
        var second = await server.NextAsync();
        first.Message.MessageId.ShouldBe($"{envelope.OutboxId:N}@fourduty.mail");
        second.Message.MessageId.ShouldBe(first.Message.MessageId);
    }

    [Fact]
    public async Task SendAsync_AnswersRetryLaterThenSent_WhenServerDefersRecipientWith451ThenAccepts()
    {
        var envelope = MailTestData.Envelope();
        server.Refuse(MailTestData.Recipient, 451, "4.3.0 Mailbox busy, try again later");

        var deferred = await transport.SendAsync(envelope, CancellationToken.None);
        server.Accept(MailTestData.Recipient);
        var retried = await transport.SendAsync(envelope, CancellationToken.None);

        deferred.Kind.ShouldBe(MailOutcomeKind.RetryLater);
        deferred.Reply.ShouldStartWith("451 ");
        deferred.Reply.ShouldContain("Mailbox busy, try again later");
        retried.Kind.ShouldBe(MailOutcomeKind.Sent, retried.Reply);
        (await server.NextAsync()).Message.MessageId.ShouldBe($"{envelope.OutboxId:N}@fourduty.mail");
        server.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_AnswersFailedWithTheServersReply_WhenRecipientRejectedWith550()
    {
        const string unknown = "nobody@fourduty.test";
        server.Refuse(unknown, 550, "5.1.1 No such user here");

        var outcome = await transport.SendAsync(MailTestData.Envelope(to: unknown), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Failed);
        outcome.Reply.ShouldStartWith("550 ");
        outcome.Reply.ShouldContain("5.1.1 No such user here");
        outcome.Reply.ShouldContain(unknown);
        server.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_KeepsTheConnectionForTheNextMail_WhenARecipientWasRejected()
    {
        server.Refuse("nobody@fourduty.test", 550, "5.1.1 No such user here");

        (await transport.SendAsync(MailTestData.Envelope(to: "nobody@fourduty.test"), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Failed);
        (await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);

        (await server.NextAsync()).EnvelopeTo.ShouldBe([MailTestData.Recipient]);
        server.Sessions.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_OpensOneConnection_WhenSendingSeveralMails()
    {
        const int count = 5;

        for (var i = 0; i < count; i++)
        {
            (await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);
        }

        for (var i = 0; i < count; i++)
        {
            await server.NextAsync();
        }

        server.Sessions.ShouldBe(1);
        transport.ConnectionsOpened.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_DeliversEveryMailOverAtMostTheConfiguredConnections_WhenCalledConcurrently()
    {
        var envelopes = Enumerable.Range(0, 8).Select(_ => MailTestData.Envelope()).ToList();

        var outcomes = await Task.WhenAll(envelopes.Select(envelope => transport.SendAsync(envelope, CancellationToken.None)));

        outcomes.ShouldAllBe(outcome => outcome.Kind == MailOutcomeKind.Sent);
        var ids = new List<string>();
        foreach (var _ in envelopes)
        {
            ids.Add((await server.NextAsync()).Message.MessageId!);
        }

        ids.ShouldBe(envelopes.Select(envelope => $"{envelope.OutboxId:N}@fourduty.mail"), ignoreOrder: true);
        // Eight senders at once share the four connections of the pool (Mail:Smtp:Connections).
        server.Sessions.ShouldBe(4);
        transport.ConnectionsOpened.ShouldBe(4);
    }

    [Fact]
    public async Task SendAsync_AnswersRetryLaterThenReconnects_WhenServerGoesDownAndComesBack()
    {
        (await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);
        await server.NextAsync();

        await server.StopAsync();
        var whileDown = await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None);
        await server.RestartAsync();
        var afterRestart = await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None);

        whileDown.Kind.ShouldBe(MailOutcomeKind.RetryLater, whileDown.Reply);
        whileDown.Reply.ShouldNotBeNullOrWhiteSpace();
        afterRestart.Kind.ShouldBe(MailOutcomeKind.Sent, afterRestart.Reply);
        await server.NextAsync();
        transport.ConnectionsOpened.ShouldBe(2);
    }

    [Fact]
    public async Task SendAsync_ReconnectsAndSends_WhenServerDroppedTheKeptConnection()
    {
        (await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);
        await server.NextAsync();

        await server.StopAsync();
        await server.RestartAsync();
        var outcome = await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Sent, outcome.Reply);
        await server.NextAsync();
        transport.ConnectionsOpened.ShouldBe(2);
    }

    [Fact]
    public async Task SendAsync_AnswersFailed_WhenRecipientAddressIsInvalid()
    {
        var outcome = await transport.SendAsync(MailTestData.Envelope(to: "not an address"), CancellationToken.None);

        outcome.Kind.ShouldBe(MailOutcomeKind.Failed);
        outcome.Reply.ShouldContain("'not an address'");
        server.Sessions.ShouldBe(0);
    }

    [Fact]
    public async Task DisposeAsync_ClosesTheKeptConnection_WhenServiceStops()
    {
        (await transport.SendAsync(MailTestData.Envelope(), CancellationToken.None)).Kind.ShouldBe(MailOutcomeKind.Sent);

        await transport.DisposeAsync();

        await server.SessionEndedAsync();
        await Should.ThrowAsync<ObjectDisposedException>(() => transport.SendAsync(MailTestData.Envelope(), CancellationToken.None));
    }
}
