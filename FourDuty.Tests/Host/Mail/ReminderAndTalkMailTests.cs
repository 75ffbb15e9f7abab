using FourDuty.Workflows.Notifications;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FourDuty.Tests.Host.Mail;

/// <summary>Reminders from a boundary timer with a mail send task, and talk invitations with their calendar part, through a real SMTP server.</summary>
[Collection(HostCollection.Name)]
public sealed class ReminderAndTalkMailTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="lists" name="年度清单" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="submit"/>
            <userTask id="submit" name="提交三张清单" camunda:assignee="chen.deputy" camunda:dueDate="P3D">
              <documentation>按《实施办法》第十条，提交主体责任、第一责任、分管责任清单。</documentation>
            </userTask>
            <boundaryEvent id="soon" attachedToRef="submit" cancelActivity="false"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="soon" targetRef="remind"/>
            <sendTask id="remind" name="到期提醒" camunda:type="mail">
              <extensionElements><camunda:properties>
                <camunda:property name="template" value="task-reminder"/>
                <camunda:property name="aboutTask" value="submit"/>
                <camunda:property name="to" value="assignee,role:DisciplineSecretary"/>
              </camunda:properties></extensionElements>
            </sendTask>
          </process>
          <process id="offered" name="民主测评" isExecutable="true">
            <startEvent id="o0"/>
            <sequenceFlow id="o1" sourceRef="o0" targetRef="evaluate"/>
            <userTask id="evaluate" name="记录民主测评结果" camunda:candidateGroups="committeeOffice" camunda:dueDate="P3D"/>
            <boundaryEvent id="oSoon" attachedToRef="evaluate" cancelActivity="false"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="o2" sourceRef="oSoon" targetRef="oRemind"/>
            <sendTask id="oRemind" name="到期提醒" camunda:type="mail">
              <extensionElements><camunda:properties>
                <camunda:property name="aboutTask" value="evaluate"/>
                <camunda:property name="to" value="assignee"/>
              </camunda:properties></extensionElements>
            </sendTask>
          </process>
          <process id="talk" name="约谈提醒" isExecutable="true">
            <startEvent id="t0"/>
            <sequenceFlow id="t1" sourceRef="t0" targetRef="hold"/>
            <userTask id="hold" name="开展提醒谈话并记录" camunda:assignee="li.secretary">
              <extensionElements><camunda:properties>
                <camunda:property name="talkStart" value="${talkAt}"/>
                <camunda:property name="talkLocation" value="党委会议室"/>
                <camunda:property name="talkWith" value="${subjectPerson}"/>
                <camunda:property name="talkKind" value="提醒谈话"/>
              </camunda:properties></extensionElements>
            </userTask>
          </process>
        </definitions>
        """;

    private MailingHost _mailing = null!;

    private TestSmtpServer _smtp => _mailing.Smtp;

    private FourDutyHostFactory _host => _mailing.Host;

    private ProcessEngine _engine => _mailing.Engine;

    public async Task InitializeAsync() => _mailing = await MailingHost.StartAsync(new DeploymentResource("mails.bpmn", Model));

    public Task DisposeAsync() => _mailing.DisposeAsync().AsTask();

    [Fact]
    public async Task BoundaryTimer_SendsReminderToAssigneeWithLinkAndToSupervisorWithout_BeforeTheDeadline()
    {
        await _engine.StartAsync("lists", "示范学院/2027");
        (await _smtp.NextAsync()).Message.Subject!.ShouldContain("提交三张清单");

        await _engine.AdvanceClockAsync(TimeSpan.FromDays(2));

        var reminders = new[] { await _smtp.NextAsync(), await _smtp.NextAsync() };
        reminders.SelectMany(r => r.EnvelopeTo).ShouldBe(["chen.deputy@college.example", "zhao.discipline@college.example"], ignoreOrder: true);
        reminders.ShouldAllBe(r => r.Message.Subject!.StartsWith("【到期提醒】提交三张清单"));
        // Only the assignee can complete the task: the discipline secretary is told, with the assignee named, and no link.
        reminders.Single(r => r.EnvelopeTo.Contains("chen.deputy@college.example")).Message.TextBody!.ShouldContain("/t/");
        var notice = reminders.Single(r => r.EnvelopeTo.Contains("zhao.discipline@college.example")).Message;
        notice.TextBody!.ShouldNotContain("/t/");
        notice.HtmlBody!.ShouldNotContain("/t/");
        reminders.ShouldAllBe(r => r.Message.TextBody!.Contains("依据条款：《实施办法》第十条"));
    }

    [Fact]
    public async Task ReminderToTheAssignee_OfATaskNobodyHolds_GoesToEveryoneItIsOffered_AsItsFirstMailDid()
    {
        await _engine.StartAsync("offered", "示范学院/2027");
        var offered = new[] { await _smtp.NextAsync(), await _smtp.NextAsync() };
        offered.SelectMany(m => m.EnvelopeTo).ShouldBe(["zhou.office@college.example", "xu.office@college.example"], ignoreOrder: true);

        await _engine.AdvanceClockAsync(TimeSpan.FromDays(2));

        // The group's members may each take the task: each is reminded, with a link, not nobody because nobody holds it yet.
        var reminders = new[] { await _smtp.NextAsync(), await _smtp.NextAsync() };
        reminders.SelectMany(r => r.EnvelopeTo).ShouldBe(["zhou.office@college.example", "xu.office@college.example"], ignoreOrder: true);
        reminders.ShouldAllBe(r => r.Message.Subject!.StartsWith("【到期提醒】记录民主测评结果") && r.Message.TextBody!.Contains("/t/"));
    }

    [Fact]
    public async Task TalkTask_InvitesTheAttendeeWithACalendarRequest_AndCancelWithdrawsIt()
    {
        var talkAt = new DateTimeOffset(2027, 3, 10, 9, 30, 0, TimeSpan.FromHours(8));
        var instance = await _engine.StartAsync("talk", "陈刚/2027", Variables(new() { ["talkAt"] = talkAt.ToString("O"), ["subjectPerson"] = "chen.deputy" }));

        var mails = new[] { await _smtp.NextAsync(), await _smtp.NextAsync() };
        var invitation = mails.Single(m => m.EnvelopeTo.Contains("chen.deputy@college.example")).Message;
        mails.Single(m => m.EnvelopeTo.Contains("li.secretary@college.example")).Message.Subject!.ShouldContain("开展提醒谈话并记录");
        invitation.Subject!.ShouldStartWith("【约谈通知】提醒谈话");
        var request = Calendar(invitation);
        request.ContentType.Parameters["method"].ShouldBe("REQUEST");
        var ics = request.Text;
        ics.ShouldContain("METHOD:REQUEST");
        ics.ShouldContain("LOCATION:党委会议室");
        ics.ShouldContain("DTSTART:20270310T013000Z");
        var uid = Line(ics, "UID:");

        await _engine.CancelInstanceAsync(instance, "谈话改期");

        var cancel = (await _smtp.NextAsync()).Message;
        cancel.Subject!.ShouldStartWith("【取消通知】");
        var withdrawn = Calendar(cancel).Text;
        withdrawn.ShouldContain("METHOD:CANCEL");
        Line(withdrawn, "UID:").ShouldBe(uid);
        Line(withdrawn, "SEQUENCE:").ShouldBe("1");
        Line(ics, "SEQUENCE:").ShouldBe("0");
    }

    private static TextPart Calendar(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");

    // Unfolds the iCalendar text (a long line continues on the next after a space) and finds one property.
    private static string Line(string ics, string prefix) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal)
            .Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode?> Variables(Dictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(v.Value));
}
