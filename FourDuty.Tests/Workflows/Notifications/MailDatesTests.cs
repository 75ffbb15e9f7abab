using FourDuty.Tests.Host.Mail;
using FourDuty.Workflows.Notifications;

namespace FourDuty.Tests.Workflows.Notifications;

public sealed class MailDatesTests
{
    [Theory]
    [InlineData("zh-CN", "2026年3月5日 17:00")]
    [InlineData("zh", "2026年3月5日 17:00")]
    [InlineData("en", "5 March 2026, 17:00 (UTC+08:00)")]
    public void Format_WritesTheInstantInShanghai_WhenGivenUtc(string culture, string expected)
    {
        MailDates.Format(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero), culture).ShouldBe(expected);
    }

    [Fact]
    public void Format_UsesTheShanghaiDay_WhenUtcIsStillTheDayBefore()
    {
        MailDates.Format(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero), "zh-CN").ShouldBe("2027年1月1日 00:30");
    }

    [Fact]
    public void FormatEnd_GivesOnlyTheTime_WhenSpanEndsTheSameDay()
    {
        var start = new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(8));

        MailDates.FormatEnd(start, start.AddHours(1), "zh-CN").ShouldBe("15:30");
        MailDates.FormatEnd(start, start.AddDays(1), "zh-CN").ShouldBe("2026年3月11日 14:30");
    }
}
