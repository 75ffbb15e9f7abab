using FourDuty.Tests.Host.Mail;
using FourDuty.Workflows.Notifications;

namespace FourDuty.Tests.Workflows.Notifications;

public sealed class MailTemplatesTests : IDisposable
{
    private static readonly DateTimeOffset Due = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly MailTemplates shipped = new(MailTestData.Notifications());
    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"fourduty-templates-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    public static TheoryData<string, string> ShippedTemplates()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in new[] { "task-assigned", "task-reminder", "task-overdue", "task-escalated", "talk-invitation" })
        {
            data.Add(template, "zh-CN");
            data.Add(template, "en");
        }

        return data;
    }

    [Fact]
    public async Task RenderAsync_WritesOfficialChinese_WhenCultureIsZhCn()
    {
        var mail = await shipped.RenderAsync("task-assigned", "zh-CN", Task("zh-CN"));

        mail.Subject.ShouldBe("【待办任务】填报2026年度责任清单（办理期限：2026年3月5日 17:00）");
        mail.Text.ShouldStartWith("张三同志：\n\n您有一项待办任务，请于办理期限前完成办理。\n\n任务名称：填报2026年度责任清单\n");
        mail.Text.ShouldContain("依据条款：《实施办法》第十条\n所属流程：年度清单\n业务编号：2026-年度清单\n办理期限：2026年3月5日 17:00\n\n立即办理：");
        mail.Html.ShouldContain("您有一项待办任务");
        mail.Html.ShouldContain(">立即办理</a>");
        mail.Calendar.ShouldBeNull();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    public async Task RenderAsync_WritesEnglish_WhenCultureIsEnglish(string culture)
    {
        var mail = await shipped.RenderAsync("task-assigned", culture, Task("en"));

        mail.Subject.ShouldBe("New task: 填报2026年度责任清单, due 5 March 2026, 17:00 (UTC+08:00)");
        mail.Text.ShouldStartWith("Dear 张三,\n\nA task has been assigned to you.");
        mail.Html.ShouldContain(">Open the task</a>");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData(null)]
    [InlineData("../../etc")]
    public async Task RenderAsync_FallsBackToZhCn_WhenCultureHasNoTemplates(string? culture)
    {
        var mail = await shipped.RenderAsync("task-assigned", culture, Task("zh-CN"));

        mail.Subject.ShouldStartWith("【待办任务】");
    }

    [Fact]
    public async Task RenderAsync_EscapesUserValuesInHtmlOnly_WhenValuesContainMarkup()
    {
        var model = Task("zh-CN") with { Description = "<script>alert('x')</script> & <b>加粗</b>", RecipientName = "<img src=x onerror=alert(1)>" };

        var mail = await shipped.RenderAsync("task-assigned", "zh-CN", model);

        mail.Html.ShouldNotContain("<script");
        mail.Html.ShouldNotContain("<img");
        mail.Html.ShouldContain("&lt;script&gt;");
        mail.Html.ShouldContain("&amp; &lt;b&gt;加粗&lt;/b&gt;");
        mail.Text.ShouldContain("办理事项：<script>alert('x')</script> & <b>加粗</b>");
    }

    [Fact]
    public async Task RenderAsync_PutsTheTaskLinkInBothParts_WhenTaskHasUrl()
    {
        var mail = await shipped.RenderAsync("task-assigned", "zh-CN", Task("zh-CN"));

        mail.Text.ShouldContain($"立即办理：{MailTestData.TaskUrl}\n");
        var escaped = MailTestData.TaskUrl.Replace("&", "&amp;", StringComparison.Ordinal);
        mail.Html.ShouldContain($"<a href=\"{escaped}\" target=\"_blank\" style=\"display:inline-block;");
        mail.Html.ShouldContain($">{escaped}</a>");
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public async Task RenderAsync_GivesOutlookSafeHtmlAndReadableText_ForEveryShippedTemplate(string template, string culture)
    {
        object model = template == "talk-invitation" ? Talk(culture) : Task(culture) with { DaysRemaining = 3, DaysOverdue = 2, AssigneeName = "李四" };

        var mail = await shipped.RenderAsync(template, culture, model);

        mail.Subject.ShouldNotBeNullOrWhiteSpace();
        mail.Subject.ShouldNotContain("\n");
        mail.Html.ShouldContain("width=\"600\"");
        mail.Html.ShouldContain("<table role=\"presentation\"");
        mail.Html.ShouldNotContain("<script", Case.Insensitive);
        mail.Html.ShouldNotContain("<form", Case.Insensitive);
        mail.Html.ShouldNotContain("<style", Case.Insensitive);
        mail.Html.ShouldNotContain("{{");
        mail.Text.ShouldNotContain("<");
        mail.Text.ShouldNotContain("\n\n\n");
        mail.Text.ShouldContain(MailTestData.TaskUrl);
        mail.Html.ShouldContain(MailTestData.TaskUrl.Replace("&", "&amp;", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public async Task RenderAsync_LeavesOutEmptyRows_WhenOptionalValuesAreMissing(string template, string culture)
    {
        object model = template == "talk-invitation"
            ? new TalkMailModel { RecipientName = "张三", TalkKind = "提醒谈话", StartAt = "2026年3月10日 14:30", Location = "行政楼302会议室", ConvenerName = "王书记" }
            : new TaskMailModel { RecipientName = "张三", TaskName = "填报责任清单", ProcessName = "年度清单", TaskUrl = MailTestData.TaskUrl };

        var mail = await shipped.RenderAsync(template, culture, model);

        // Past the salutation ("张三同志："), no line is a label without its value.
        mail.Text.Split('\n').Skip(1).ShouldNotContain(line => line.EndsWith('：') || line.EndsWith(':'));
        mail.Text.ShouldNotContain("\n\n\n");
        mail.Html.ShouldNotContain("<td valign=\"top\" style=\"padding:8px 12px;border:1px solid #e4e7ed;\"></td>");
    }

    [Theory]
    [InlineData(0, "您有一项待办任务即将到期，今天到期，请抓紧办理。")]
    [InlineData(3, "您有一项待办任务即将到期，距办理期限还有3天，请抓紧办理。")]
    public async Task RenderAsync_SaysHowManyDaysRemain_WhenReminderHasDays(int days, string expected)
    {
        var mail = await shipped.RenderAsync("task-reminder", "zh-CN", Task("zh-CN") with { DaysRemaining = days });

        mail.Text.ShouldContain(expected);
    }

    [Fact]
    public async Task RenderAsync_InvitesWithTimeAndPlace_WhenTalkIsScheduled()
    {
        var mail = await shipped.RenderAsync("talk-invitation", "zh-CN", Talk("zh-CN"));

        mail.Subject.ShouldBe("【约谈通知】提醒谈话：2026年3月10日 14:30，行政楼302会议室");
        mail.Text.ShouldContain("根据《实施办法》第二十七条，按照干部管理权限，定于2026年3月10日 14:30至15:30在行政楼302会议室与您进行提醒谈话，请准时参加。");
        mail.Text.ShouldContain("本邮件附有日历邀请");
    }

    [Fact]
    public async Task RenderAsync_AnnouncesCancellation_WhenTalkIsCancelled()
    {
        var mail = await shipped.RenderAsync("talk-invitation", "zh-CN", Talk("zh-CN") with { Cancelled = true });

        mail.Subject.ShouldBe("【取消通知】提醒谈话（原定2026年3月10日 14:30）");
        mail.Text.ShouldContain("原定于2026年3月10日 14:30在行政楼302会议室进行的提醒谈话已取消");
        mail.Text.ShouldNotContain("日历邀请");
    }

    [Fact]
    public async Task RenderAsync_ThrowsNamingFileAndLine_WhenTemplateIsNotValidLiquid()
    {
        Write("broken", "zh-CN", subject: "主题", html: "<p>\n第二行\n{% if task_name %}未闭合的标签\n</p>", text: "正文");

        var error = await Should.ThrowAsync<MailTemplateException>(() => Scratch().RenderAsync("broken", "zh-CN", Task("zh-CN")));

        error.Code.ShouldBe(MailTemplateException.ParseError);
        error.File.ShouldBe(Path.Combine(scratch, "broken.zh-CN.html.liquid"));
        error.Message.ShouldStartWith("MAIL-002 The mail template '");
        error.Message.ShouldContain("broken.zh-CN.html.liquid");
        error.Message.ShouldMatch(@"is not valid Liquid at line \d+, column \d+: .*was expected");
        error.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task RenderAsync_ThrowsNamingFile_WhenTemplateUsesUnknownVariable()
    {
        Write("typo", "zh-CN", subject: "{{ task_nmae }}", html: "<p></p>", text: "正文");

        var error = await Should.ThrowAsync<MailTemplateException>(() => Scratch().RenderAsync("typo", "zh-CN", Task("zh-CN")));

        error.Code.ShouldBe(MailTemplateException.RenderError);
        error.Message.ShouldContain("typo.zh-CN.subject.liquid");
        error.Message.ShouldContain("task_nmae");
    }

    [Fact]
    public async Task RenderAsync_ThrowsNamingTheMissingFile_WhenACultureIsIncomplete()
    {
        Write("partial", "zh-CN", subject: "主题", html: "<p></p>", text: null);

        var error = await Should.ThrowAsync<MailTemplateException>(() => Scratch().RenderAsync("partial", "zh-CN", Task("zh-CN")));

        error.Code.ShouldBe(MailTemplateException.NotFound);
        error.Message.ShouldContain("partial.zh-CN.txt.liquid is missing");
    }

    [Fact]
    public async Task RenderAsync_ThrowsNamingFolder_WhenTemplateDoesNotExist()
    {
        var error = await Should.ThrowAsync<MailTemplateException>(() => shipped.RenderAsync("no-such-mail", "zh-CN", Task("zh-CN")));

        error.Code.ShouldBe(MailTemplateException.NotFound);
        error.Message.ShouldContain(shipped.Folder);
        error.Message.ShouldContain("no-such-mail.zh-CN.subject.liquid");
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("Task-Assigned")]
    [InlineData("")]
    public async Task RenderAsync_Throws_WhenTemplateNameIsNotAPlainName(string name)
    {
        var error = await Should.ThrowAsync<MailTemplateException>(() => shipped.RenderAsync(name, "zh-CN", Task("zh-CN")));

        error.Code.ShouldBe(MailTemplateException.BadName);
    }

    [Fact]
    public async Task RenderAsync_ReadsTheFileAgain_WhenDesignerEditedIt()
    {
        Write("edited", "zh-CN", subject: "第一版：{{ task_name }}", html: "<p></p>", text: "正文");
        var templates = Scratch();
        (await templates.RenderAsync("edited", "zh-CN", Task("zh-CN"))).Subject.ShouldBe("第一版：填报2026年度责任清单");

        Write("edited", "zh-CN", subject: "修改后的第二版：{{ task_name }}", html: "<p></p>", text: "正文");
        var mail = await templates.RenderAsync("edited", "zh-CN", Task("zh-CN"));

        mail.Subject.ShouldBe("修改后的第二版：填报2026年度责任清单");
    }

    private MailTemplates Scratch() => new(MailTestData.Notifications(o => o.Templates = scratch));

    private void Write(string template, string culture, string subject, string html, string? text)
    {
        Directory.CreateDirectory(scratch);
        File.WriteAllText(Path.Combine(scratch, $"{template}.{culture}.subject.liquid"), subject);
        File.WriteAllText(Path.Combine(scratch, $"{template}.{culture}.html.liquid"), html);
        if (text is not null)
        {
            File.WriteAllText(Path.Combine(scratch, $"{template}.{culture}.txt.liquid"), text);
        }
    }

    private static TaskMailModel Task(string culture) => new()
    {
        RecipientName = "张三",
        TaskName = "填报2026年度责任清单",
        Description = "认领项目清单中的工作事项，形成责任清单、风险（问题）清单和措施清单。",
        Article = "《实施办法》第十条",
        ProcessName = "年度清单",
        BusinessKey = "2026-年度清单",
        DueAt = MailDates.Format(Due, culture),
        TaskUrl = MailTestData.TaskUrl,
        InstanceId = "9b1c",
        TaskId = "42",
    };

    private static TalkMailModel Talk(string culture) => new()
    {
        RecipientName = "张三",
        TalkKind = "提醒谈话",
        Reason = "2026年度责任清单逾期未报",
        Article = "《实施办法》第二十七条",
        StartAt = MailDates.Format(MailTestData.Talk().Start, culture),
        EndAt = MailDates.FormatEnd(MailTestData.Talk().Start, MailTestData.Talk().End, culture),
        Location = "行政楼302会议室",
        ConvenerName = "王书记",
        AssistantName = "赵纪委书记",
        TaskUrl = MailTestData.TaskUrl,
    };
}
