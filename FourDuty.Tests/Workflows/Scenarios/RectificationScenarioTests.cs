using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// Scenario 2: a patrol's feedback from entry to the written report. Two findings go to two subjects; the discipline
/// secretary sends the first back once with a reason; the second's close-out waits for her sign-off (reminded after three
/// working days), and the written report is produced from the records only when both findings are closed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RectificationScenarioTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Rectification_FromFeedbackToWrittenReport_WithARejectionAndAMissingSignOff(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store, start: "2026-05-11T09:00");
        var instance = await year.Engine.StartAsync("feedback-rectification", "巡察反馈/2026");
        await year.Engine.RunDueWorkAsync();
        await year.CompleteAllAsync("enterFeedback", _ => new
        {
            source = "Patrol",
            title = "区委教育工委第二巡察组反馈意见",
            receivedOn = "2026-05-11",
            findings = new object[] { new { text = "财务报销审核把关不严" }, new { text = "学生资助公示不规范" } },
        }, user: "zhou.office");
        await year.AdvanceToAsync("2026-05-12T10:00");
        await year.CompleteAllAsync("specialMeeting", _ => new
        {
            meetingHeldOn = "2026-05-12",
            assignments = new object[]
            {
                new { finding = 1, subject = "liu.vicepresident", leader = "liu.vicepresident", department = "财务处", deadline = "2026-06-30" },
                new { finding = 2, subject = "branch-students", leader = "feng.branch", department = "学生处", deadline = "2026-06-30" },
            },
        }, user: "zhou.office");

        // Each leader rectifies and updates the subject's risk and measure lists in the same form.
        await year.AdvanceToAsync("2026-05-20T10:00");
        await year.CompleteAllAsync("rectify", Rectification);
        // The discipline secretary sends the first finding back once, with a reason; accepts the second.
        await year.AdvanceToAsync("2026-05-21T10:00");
        var verifications = await year.TasksAsync("verifyFinding");
        verifications.Count.ShouldBe(2);
        foreach (var task in verifications)
        {
            var finance = await TaskOfFindingAsync(year, [task], "财务报销审核把关不严") is not null;
            await year.CompleteAsync(task, finance ? new { verdict = "rejected", reason = "缺少报销审核台账作为佐证" } : new { verdict = "accepted", reason = "" });
        }

        var again = (await year.TasksAsync("rectify")).Single();
        again.Assignee.ShouldBe("liu.vicepresident");
        await year.AdvanceToAsync("2026-05-25T10:00");
        await year.CompleteAsync(again, Rectification(again));
        await year.CompleteAllAsync("verifyFinding", _ => new { verdict = "accepted", reason = "" });

        // Close-out: the first-responsible person signs both; the discipline secretary signs only the first.
        await year.CompleteAllAsync("signFirstResponsible", _ => new { comment = "同意销号" });
        var secretary = await year.TasksAsync("signDiscipline");
        var financeSignOff = await TaskOfFindingAsync(year, secretary, "财务报销审核把关不严");
        await year.CompleteAsync(financeSignOff, new { comment = "同意销号" });

        await year.AdvanceToAsync("2026-06-01T10:00");
        await using (var db = year.Db())
        {
            var findings = await db.Findings.OrderBy(f => f.Number).ToListAsync();
            findings.Select(f => f.ClosedAt is not null).ShouldBe([true, false], "a close-out needs both sign-offs");
            (await db.SignOffs.CountAsync(s => s.FindingId == findings[1].Id)).ShouldBe(1);
            (await db.WrittenReports.AnyAsync()).ShouldBeFalse("the report waits for every finding to be closed");
        }

        (await year.Engine.Queries.GetInstanceAsync(instance))!.Instance.Status.ShouldBe(InstanceStatus.Active);
        // Her sign-off of the second finding was asked on 21 May; three working days later (26 May) she is reminded.
        var reminder = year.Mails.Single(m => m.Subject.StartsWith("【到期提醒】销号签字（纪委书记）", StringComparison.Ordinal));
        (reminder.To, reminder.On, reminder.HasLink).ShouldBe(("zhao.discipline", DateOnly.Parse("2026-05-26", System.Globalization.CultureInfo.InvariantCulture), true));

        await year.CompleteAllAsync("signDiscipline", _ => new { comment = "同意销号" });

        await using (var db = year.Db())
        {
            var findings = await db.Findings.OrderBy(f => f.Number).ToListAsync();
            findings.ShouldAllBe(f => f.ClosedAt != null);
            var verdicts = await db.Verifications.Where(v => v.FindingId == findings[0].Id).OrderBy(v => v.Round).ThenBy(v => v.CreatedAt).ToListAsync();
            verdicts.Select(v => v.Verdict).ShouldBe([Verdict.Rejected, Verdict.Accepted]);
            verdicts[0].Reason.ShouldBe("缺少报销审核台账作为佐证");
            (await db.RectificationRounds.CountAsync(r => r.FindingId == findings[0].Id)).ShouldBe(2);
            // The rectification updated the subjects' own lists (Art. 25), entered once.
            (await db.ListItems.CountAsync(i => i.SubjectId == "liu.vicepresident")).ShouldBeGreaterThanOrEqualTo(2);
            var report = await db.WrittenReports.SingleAsync();
            report.Text.ShouldContain("财务报销审核把关不严");
            report.Text.ShouldContain("学生资助公示不规范");
        }

        (await year.Engine.Queries.GetInstanceAsync(instance))!.Instance.Status.ShouldBe(InstanceStatus.Completed);
        // The rejection went back to the leader as a new task, with its link.
        year.Mails.Count(m => m.To == "liu.vicepresident" && m.Subject.StartsWith("【待办任务】制定方案并整改", StringComparison.Ordinal)).ShouldBe(2);
        (await year.Engine.Queries.ListIncidentsAsync(null)).ShouldBeEmpty();
    }

    private static object Rectification(UserTaskRecord task) => new
    {
        measures = "逐笔复核报销单据，建立审核台账",
        outcome = "已整改",
        riskItems = new object[] { new { title = "报销审核流于形式", level = "高" } },
        measureItems = new object[] { new { title = "每月抽查报销单据", dueOn = "2026-12-31" } },
    };

    // The task of a finding: the multi-instance item whose 'finding' variable has that text.
    private static async Task<UserTaskRecord> TaskOfFindingAsync(CollegeYear year, IEnumerable<UserTaskRecord> tasks, string text)
    {
        foreach (var task in tasks)
        {
            var snapshot = (await year.Engine.Queries.GetInstanceAsync(task.InstanceId))!;
            var parents = snapshot.Scopes.ToDictionary(s => s.Id, s => s.ParentScopeId);
            var scope = snapshot.Tokens.Single(t => t.Id == task.TokenId).ScopeId;
            for (Guid? s = scope; s is { } id; s = parents.GetValueOrDefault(id))
            {
                if (snapshot.Variables.FirstOrDefault(v => v.ScopeId == id && v.Name == "finding") is { } finding)
                {
                    if (System.Text.Json.Nodes.JsonNode.Parse(finding.Json)?["text"]?.GetValue<string>() == text)
                    {
                        return task;
                    }

                    break;
                }
            }
        }

        return null!;
    }
}
