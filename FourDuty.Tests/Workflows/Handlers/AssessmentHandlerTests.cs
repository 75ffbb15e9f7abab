using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lists;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary><c>duty.saveAssessment</c>: self-assessments on the lists as loaded, duty reports, the committee's summary.</summary>
public sealed class AssessmentHandlerTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task SelfAssessment_StoresTheItemStatesOfTheLoadedLists_AndASecondOneForThePeriodUpdatesIt(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        await host.RunAsync("duty.saveLists", new { year = 2026, subjectId = "branch-staff-1", dutyItems = new object[] { new { title = "三会一课按期开展", dueOn = "2026-12-31" } } });
        var loaded = await host.RunAsync("duty.loadLists", new { year = 2026, subjectId = "branch-staff-1" });
        var items = loaded["dutyItems"]!.DeepClone().AsArray();
        items[0]!["state"] = "InProgress";
        var properties = new Dictionary<string, string> { ["record"] = "SelfAssessment" };

        var first = await host.RunAsync("duty.saveAssessment", new { year = 2026, subjectId = "branch-staff-1", period = "2026-Q1", summary = "按计划推进", dutyItems = items }, properties);
        var second = await host.RunAsync("duty.saveAssessment", new { year = 2026, subjectId = "branch-staff-1", period = "2026-Q1", summary = "按计划推进，已补充记录" }, properties);

        second["assessmentId"].Text().ShouldBe(first["assessmentId"].Text());
        await using var db = host.Db();
        (await db.ListItems.SingleAsync()).State.ShouldBe(ItemState.InProgress);
        var assessment = await db.Assessments.SingleAsync();
        assessment.ShouldBeOfType<SelfAssessment>().Summary.ShouldBe("按计划推进，已补充记录");
        assessment.PersonId.ShouldBe("sun.branch");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task CommitteeSummary_GivesTheYearsFactsPerSubjectInTheOrganisationsOrder_NotRanked(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        await host.RunAsync("duty.recordLapse", new { subjectId = "wu.vicepresident", taskName = "三张清单", dueAt = "2026-03-31T09:00:00Z" });
        await host.RunAsync("duty.recordLapse", new { subjectId = "wu.vicepresident", taskName = "自评", dueAt = "2026-04-30T09:00:00Z" });
        await host.RunAsync("duty.saveAssessment", new { year = 2026, reporter = "chen.deputy", evaluation = "好", subjectId = "chen.deputy" },
            new Dictionary<string, string> { ["record"] = "DutyReport" });

        var summary = await host.RunAsync("duty.saveAssessment", new { year = 2026, summary = "全年工作总结" }, new Dictionary<string, string> { ["record"] = "CommitteeSummary" });

        var facts = summary["summaryFacts"].Text().Split('\n').Skip(1).ToList();
        facts[0].ShouldStartWith("- 学院党委（主体责任）");
        facts.Single(f => f.Contains("吴涛")).ShouldContain("失责记录2次");
        facts.FindIndex(f => f.Contains("吴涛")).ShouldBe(7);
        await using var db = host.Db();
        (await db.Assessments.OfType<DutyReport>().SingleAsync()).Evaluation.ShouldBe("好");
    }
}
