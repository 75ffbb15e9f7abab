using FourDuty.Engine.Deployment;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Notifications;

/// <summary>The ladder's mails from the domain: lapse notices to the related subjects, due-soon notices, each in the recipient's language.</summary>
public sealed class NoticeMailTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task LapseNotice_TellsTheSubjectAndTheRelatedSubjects_EachInTheirLanguage_WithoutALink(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var lapse = (await host.RunAsync("duty.recordLapse", new
        {
            subjectId = "wu.vicepresident",
            taskName = "提交年度三张清单",
            dueAt = "2026-03-31T09:00:00Z",
            article = "《实施办法》第十条",
        }))["lapseId"].Text();

        await host.RunAsync("mail", new { lapseId = lapse, subjectId = "wu.vicepresident" },
            new Dictionary<string, string> { ["aboutLapse"] = "${lapseId}", ["to"] = "subject:owner,subject:related" });
        await host.Engine.RunDueWorkAsync();

        // (xu.office holds the harness's waiting task.)
        var mails = host.Mail.Sent.Where(m => m.ToAddress != "xu.office@college.example").ToList();
        mails.Select(m => m.ToAddress).ShouldBe(
            ["wu.vicepresident@college.example", "wang.president@college.example", "li.secretary@college.example", "zhao.discipline@college.example"], ignoreOrder: true);
        var own = mails.Single(m => m.ToAddress.StartsWith("wu."));
        own.Content.Subject.ShouldBe("Lapse: 吴涛（副院长，一岗双责） missed “提交年度三张清单” (due 31 March 2026, 17:00 (UTC+08:00))");
        own.Content.Text.ShouldContain("Your task “提交年度三张清单” missed its deadline");
        var leader = mails.Single(m => m.ToAddress.StartsWith("wang."));
        leader.Content.Subject.ShouldBe("【失责告知】吴涛（副院长，一岗双责）：“提交年度三张清单”已逾期（期限2026年3月31日 17:00）");
        leader.Content.Text.ShouldContain("根据《实施办法》第二十六条补漏补缺机制");
        leader.Content.Text.ShouldContain("依据条款：《实施办法》第十条");
        leader.Content.Text.ShouldContain("跟进纠偏：王华");
        mails.ShouldAllBe(m => !m.Content.Html.Contains("/t/") && !m.Content.Text.Contains("/t/"));
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task DueSoon_GivesTheOwnerALink_AndTellsTheSupervisingLeaderWhoHoldsIt(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var model = ProcessXml.Of("lists", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="submit"/>
            <userTask id="submit" name="提交三张清单" camunda:assignee="${owner}" camunda:dueDate="P5D">
              <documentation>按《实施办法》第十条，提交本年度三张清单。</documentation>
            </userTask>
            <boundaryEvent id="soon" attachedToRef="submit" cancelActivity="false"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="soon" targetRef="notice"/>
            <sendTask id="notice" name="临期预警" camunda:type="mail">
              <extensionElements><camunda:properties>
                <camunda:property name="template" value="task-due-soon"/>
                <camunda:property name="aboutTask" value="submit"/>
                <camunda:property name="to" value="assignee,subject:supervisingLeader"/>
              </camunda:properties></extensionElements>
            </sendTask>
            """);
        (await host.Engine.DeployAsync([new DeploymentResource("lists.bpmn", model)])).Succeeded.ShouldBeTrue();
        await host.Engine.StartAsync("lists", variables: Scenario.Variables(new { owner = "he.vicepresident", subjectId = "he.vicepresident" }));
        await host.Engine.RunDueWorkAsync();
        host.Mail.Sent.Clear();

        await host.Engine.AdvanceClockAsync(TimeSpan.FromDays(3));

        var mails = host.Mail.Sent.ToList();
        var owner = mails.Single(m => m.ToAddress == "he.vicepresident@college.example");
        owner.Content.Subject.ShouldStartWith("【临期预警】提交三张清单将于2026年3月7日");
        owner.Content.Text.ShouldContain("https://duty.test/t/");
        owner.Content.Text.ShouldContain("依据条款：《实施办法》第十条");
        var leader = mails.Single(m => m.ToAddress == "wang.president@college.example");
        leader.Content.Subject.ShouldContain("（承办人：何静）");
        leader.Content.Text.ShouldContain("何静承办的以下任务即将到期");
        leader.Content.Text.ShouldNotContain("/t/");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ALapse_SaysWhenTheWorkWasDoneLater_AndStays(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        (await host.Engine.DeployAsync([new DeploymentResource("late.bpmn", ProcessXml.Of("late", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="submit"/>
            <userTask id="submit" name="提交自评" camunda:assignee="han.branch" camunda:dueDate="P1D"/>
            <sequenceFlow id="f2" sourceRef="submit" targetRef="end"/>
            <endEvent id="end"/>
            """))])).Succeeded.ShouldBeTrue();
        var instance = await host.Engine.StartAsync("late");
        var task = (await host.Engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single();
        await host.RunAsync("duty.recordLapse", new
        {
            subjectId = "branch-admin", taskName = "提交自评", dueAt = task.DueAt!.Value.ToString("O"), sourceInstanceId = instance.ToString(), sourceElementId = "submit",
        });

        await host.Engine.AdvanceClockAsync(TimeSpan.FromDays(2));
        await host.Engine.CompleteTaskAsync(task.Id, userId: "han.branch");
        await host.Engine.RunDueWorkAsync();

        await using var db = host.Db();
        var lapse = await db.Lapses.SingleAsync();
        lapse.DoneLaterAt!.Value.ShouldBe(host.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
    }
}
