using FourDuty.Workflows.Notifications;
using FourDuty.Host.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FourDuty.Tests.Host.Mail;

/// <summary>Options, envelopes and transports for the mail tests.</summary>
internal static class MailTestData
{
    public const string Sender = "sizexietong@fourduty.test";
    public const string Recipient = "zhang.san@fourduty.test";
    public const string RecipientName = "张三";
    public const string Subject = "【待办任务】填报2026年度责任清单（办理期限：2026年3月5日 17:00）";
    public const string TaskUrl = "https://fourduty.test/t/3q2-7Xk_Ab9?lang=zh-CN&x=1";

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static IOptions<MailOptions> Options(Action<MailOptions>? change = null)
    {
        var options = new MailOptions { From = Sender };
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>The domain's mail settings (culture, templates, links).</summary>
    public static IOptions<NotificationOptions> Notifications(Action<NotificationOptions>? change = null)
    {
        var options = new NotificationOptions { From = Sender, PublicUrl = "https://fourduty.test" };
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static IOptions<MailOptions> SmtpOptions(int port) => Options(o =>
    {
        o.Smtp.Host = "127.0.0.1";
        o.Smtp.Port = port;
        o.Smtp.Security = SmtpSecurity.None;
        o.Smtp.Timeout = TimeSpan.FromSeconds(10);
    });

    public static MimeMessageFactory Factory(IOptions<MailOptions> options) => new(options, new FakeTimeProvider(Now));

    public static SmtpMailTransport SmtpTransport(int port)
    {
        var options = SmtpOptions(port);
        return new SmtpMailTransport(options, Factory(options), NullLogger<SmtpMailTransport>.Instance);
    }

    public static MailContent Content(CalendarPart? calendar = null) => new(
        Subject,
        $"<p>张三同志：</p><p>您有一项待办任务。</p><a href=\"{TaskUrl}\">立即办理</a>",
        $"张三同志：\n\n您有一项待办任务。\n\n立即办理：{TaskUrl}\n",
        calendar);

    public static MailEnvelope Envelope(string to = Recipient, CalendarPart? calendar = null, Guid? outboxId = null) =>
        new(outboxId ?? Guid.NewGuid(), to, RecipientName, Content(calendar));

    public static TalkInvitation Talk(int sequence = 0) => new(
        Uid: "talk-7f3a@fourduty",
        Sequence: sequence,
        Summary: "提醒谈话",
        Description: "就2026年度责任清单逾期未报进行提醒谈话。",
        Location: "行政楼302会议室",
        Start: new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(8)),
        End: new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.FromHours(8)),
        OrganizerName: "王书记",
        OrganizerAddress: "wang.shuji@fourduty.test",
        AttendeeName: RecipientName,
        AttendeeAddress: Recipient);
}
