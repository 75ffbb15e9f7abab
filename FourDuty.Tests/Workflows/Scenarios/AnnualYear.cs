using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// What the college does in the scenario year, step by step, as the people would: the office prepares the project list,
/// the subjects submit their lists (two late), follow-ups, the reminder talk, quarterly analyses and self-assessments
/// (one missed), the mid-year self-inspection, the year-end reports, evaluations and summary. Shared by the scenarios
/// that run the year once and twice; <paramref name="pause"/> lets a scenario restart or switch hosts between steps.
/// </summary>
internal static class AnnualYear
{
    public const string LateBranch = "feng.branch";
    public const string LateMember = "he.vicepresident";

    public static async Task RunAsync(CollegeYear first, Func<string, Task<CollegeYear>>? pause = null)
    {
        var year = first;
        async Task Step(string name)
        {
            if (pause is not null)
            {
                year = await pause(name);
            }
        }

        // January: the timer starts the cycle on the first Monday; the office prepares the special meeting and the project list.
        await year.AdvanceToAsync("2026-01-05T10:00");
        var prepare = (await year.TasksAsync("prepareProjectList")).Single();
        await year.CompleteAsync(prepare, new
        {
            meetingHeldOn = "2026-01-05",
            listsDueOn = "2026-03-03",
            projectItems = new object[]
            {
                new { title = "开展党纪学习教育", area = "宣传思想", dueOn = "2026-06-30" },
                new { title = "修订财务报销制度", area = "财务资产", dueOn = "2026-09-30" },
            },
        }, "zhou.office");
        await Step("project list");

        // Ten subjects submit at once; the student branch and 何静 do not.
        string item;
        await using (var db = year.Db())
        {
            item = (await db.ProjectItems.OrderBy(p => p.Code).FirstAsync()).Id.ToString();
        }

        await year.AdvanceToAsync("2026-01-06T10:00");
        await year.CompleteAllAsync("submitLists", Lists(item), t => t.Assignee is not (LateBranch or LateMember));
        await Step("lists on time");

        // The deadline (3 March, 18:00) passes; the two submit the next morning. The supervising leaders follow up:
        // 陈刚 at once, 王华 not, so the follow-up of 何静's lapse passes to the first-responsible person.
        await year.AdvanceToAsync("2026-03-04T09:30");
        await year.CompleteAllAsync("submitLists", Lists(item));
        await year.CompleteAllAsync("followUp", FollowUp, t => t.Assignee == "chen.deputy");
        await year.CompleteAllAsync("consolidate", _ => new { comment = "各主体清单已汇总，报党委审定。" }, user: "zhou.office");
        await Step("late lists");
        await year.AdvanceToAsync("2026-03-11T10:00");
        await year.CompleteAllAsync("followUpFirst", FollowUp);

        // First quarter: the analysis meeting, then every subject's self-assessment; 何静 misses hers (due 15 April).
        await year.AdvanceToAsync("2026-03-31T10:00");
        await year.CompleteAllAsync("analysisMeeting", Meeting, user: "zhou.office");
        await year.AdvanceToAsync("2026-04-01T10:00");
        await year.CompleteAllAsync("selfAssess", SelfAssessment, t => t.Assignee != LateMember);
        await Step("first quarter");
        await year.AdvanceToAsync("2026-04-15T11:00");
        await year.AdvanceToAsync("2026-04-16T09:00");
        await year.CompleteAllAsync("selfAssess", SelfAssessment);
        await year.CompleteAllAsync("followUp", FollowUp);

        // The second lapse opened a reminder talk: the Party secretary schedules and holds it; 赵敏 follows the commitment up.
        await year.CompleteAllAsync("scheduleTalk", _ => new { talkAt = "2026-04-22T10:00+08:00", talkLocation = "党委会议室" });
        await Step("talk scheduled");
        await year.AdvanceToAsync("2026-04-22T11:00");
        await year.CompleteAllAsync("holdTalk", _ => new
        {
            record = "谈话指出清单提交和季度自评两次逾期，本人表示接受提醒，立即整改。",
            commitments = new object[] { new { text = "每月向分管领导报告清单执行情况", dueOn = "2026-05-29" } },
        });
        await year.AdvanceToAsync("2026-05-29T10:00");
        await year.CompleteAllAsync("followCommitment", FollowUp);

        // Second and third quarters, and the mid-year self-inspection: everyone on time.
        await year.AdvanceToAsync("2026-06-30T10:00");
        await year.CompleteAllAsync("analysisMeeting", Meeting, user: "zhou.office");
        await year.CompleteAllAsync("selfAssess", SelfAssessment);
        await Step("second quarter");
        await year.AdvanceToAsync("2026-07-01T10:00");
        await year.CompleteAllAsync("selfInspection", _ => new { summary = "责任已分解到各主体，事项按期推进，协同顺畅，追责有据。", problems = "个别清单事项过于笼统。" },
            user: "zhou.office");
        await year.AdvanceToAsync("2026-09-30T10:00");
        await year.CompleteAllAsync("analysisMeeting", Meeting, user: "zhou.office");
        await year.CompleteAllAsync("selfAssess", SelfAssessment);

        // Year end: the members' duty reports, the staff representatives' evaluation, the committee's summary.
        await year.AdvanceToAsync("2026-12-01T10:00");
        await year.CompleteAllAsync("dutyReport", _ => new { summary = "全年履行一岗双责，完成清单事项，廉洁自律。", problems = "调研不够深入。", nextSteps = "加强调研。" });
        await Step("duty reports");
        await year.AdvanceToAsync("2026-12-03T10:00");
        await year.CompleteAllAsync("evaluateReport", _ => new { evaluation = "好", evaluationNotes = "职工代表评议" }, user: "zhou.office");
        await year.AdvanceToAsync("2026-12-10T10:00");
        await year.CompleteAllAsync("committeeSummary", _ => new { summary = "党委全年履行主体责任情况总结。", problems = "两个主体出现逾期。", nextSteps = "完善预警。" },
            user: "zhou.office");
    }

    private static Func<UserTaskRecord, object> Lists(string item) => task => new
    {
        claims = new[] { item },
        dutyItems = new object[] { new { title = "落实分管领域党风廉政建设责任", owner = task.Assignee, dueOn = "2026-12-15", state = "Planned" } },
        riskItems = new object[] { new { title = "制度执行不到位", level = "中" } },
        measureItems = new object[] { new { title = "每季度开展一次检查", dueOn = "2026-12-31" } },
    };

    private static object FollowUp(UserTaskRecord task) => new { actions = "已当面督促并核实整改", outcome = "已完成" };

    private static object Meeting(UserTaskRecord task) => new
    {
        heldOn = CollegeYearDates.Today(task), summary = "机制运行总体平稳", problems = "个别主体清单提交逾期", nextSteps = "加强提醒",
    };

    private static object SelfAssessment(UserTaskRecord task) => new { summary = "清单事项按计划推进", problems = "无", nextSteps = "继续推进" };
}

/// <summary>Dates as the forms submit them.</summary>
internal static class CollegeYearDates
{
    public static string Today(UserTaskRecord task) =>
        task.CreatedAt.ToOffset(CollegeYear.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
