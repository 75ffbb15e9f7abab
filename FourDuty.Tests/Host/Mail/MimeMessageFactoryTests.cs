using FourDuty.Workflows.Notifications;
using FourDuty.Host.Mail;
using MimeKit;

namespace FourDuty.Tests.Host.Mail;

public sealed class MimeMessageFactoryTests
{
    [Fact]
    public void Create_DerivesMessageIdFromOutboxId_WhenCalledTwice()
    {
        var factory = MailTestData.Factory(MailTestData.Options());
        var envelope = MailTestData.Envelope();

        var first = factory.Create(envelope);
        var second = factory.Create(envelope);

        first.MessageId.ShouldBe($"{envelope.OutboxId:N}@fourduty.mail");
        second.MessageId.ShouldBe(first.MessageId);
        first.Date.ShouldBe(MailTestData.Now);
    }

    [Fact]
    public void Create_PutsTextBeforeHtml_WhenThereIsNoCalendar()
    {
        var message = MailTestData.Factory(MailTestData.Options()).Create(MailTestData.Envelope());

        var body = message.Body.ShouldBeOfType<MultipartAlternative>();
        body.Select(part => part.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
    }

    [Fact]
    public void Create_AddsCalendarAsThirdAlternativeWithItsMethod_WhenCancelGiven()
    {
        var message = MailTestData.Factory(MailTestData.Options()).Create(MailTestData.Envelope(calendar: new CalendarPart("CANCEL", "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n")));

        var calendar = message.Body.ShouldBeOfType<MultipartAlternative>()[2];
        calendar.ContentType.MimeType.ShouldBe("text/calendar");
        calendar.ContentType.Parameters["method"].ShouldBe("CANCEL");
        calendar.ContentType.Charset.ShouldBe("utf-8");
    }

    [Fact]
    public void Create_EncodesChineseNamesAndSubjectAsUtf8Words_WhenWritten()
    {
        var message = MailTestData.Factory(MailTestData.Options()).Create(MailTestData.Envelope());

        using var stream = new MemoryStream();
        message.WriteTo(MimeMessageFactory.Format, stream);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());

        raw.ShouldContain("From: =?utf-8?b?5Zub6LSj5Y2P5ZCM?= <sizexietong@fourduty.test>");
        raw.ShouldContain("To: =?utf-8?b?5byg5LiJ?= <zhang.san@fourduty.test>");
        raw.ShouldContain("Subject: =?utf-8?");
        raw.ShouldContain("Auto-Submitted: auto-generated");
    }

    [Fact]
    public void Create_KeepsSubjectOnOneLine_WhenSubjectHasLineBreaks()
    {
        var envelope = MailTestData.Envelope() with { Content = MailTestData.Content() with { Subject = "待办\r\nBcc: everyone@example.com" } };

        var message = MailTestData.Factory(MailTestData.Options()).Create(envelope);

        message.Subject.ShouldBe("待办 Bcc: everyone@example.com");
        message.Bcc.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("张三")]
    [InlineData("a@b.c, d@e.f")]
    [InlineData("张三 <zhang.san@fourduty.test>")]
    public void Create_ThrowsFormatException_WhenRecipientIsNotOneAddress(string address)
    {
        var factory = MailTestData.Factory(MailTestData.Options());

        Should.Throw<FormatException>(() => factory.Create(MailTestData.Envelope(to: address)));
    }
}
