using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Workflows.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Tests.Workflows.Organization;

/// <summary>A person's dossier gathers what the processes wrote about them, whichever process wrote it.</summary>
public sealed class DossiersTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ForPerson_GathersListsReportsLapsesAndTalks_WithWhereEachCameFrom(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        await host.RunAsync("duty.saveLists", new { year = 2026, subjectId = "wu.vicepresident", dutyItems = new object[] { new { title = "校企合作项目廉洁风险防控" } } });
        await host.RunAsync("duty.saveAssessment", new { year = 2026, subjectId = "wu.vicepresident", evaluation = "较好" }, new Dictionary<string, string> { ["record"] = "DutyReport" });
        var lapse = (await host.RunAsync("duty.recordLapse", new { subjectId = "wu.vicepresident", taskName = "第二季度自评", dueAt = "2026-07-10T09:00:00Z" }))["lapseId"].Text();
        await host.RunAsync("duty.recordTalk", new { subjectId = "wu.vicepresident", lapseId = lapse, reason = "逾期" });
        await host.RunAsync("duty.recordLapse", new { subjectId = "he.vicepresident", taskName = "第二季度自评", dueAt = "2026-07-10T09:00:00Z" });

        var dossier = (await host.Get<Dossiers>().ForPersonAsync("wu.vicepresident", 2026))!;

        dossier.Subjects.Select(s => s.Id).ShouldBe(["wu.vicepresident"]);
        dossier.Items.Single().Title.ShouldBe("校企合作项目廉洁风险防控");
        dossier.Reports.Single().SubjectId.ShouldBe("wu.vicepresident");
        dossier.Lapses.Single().What.ShouldBe("第二季度自评");
        dossier.Talks.Single().HolderId.ShouldBe("li.secretary");
        dossier.Items.Concat<FourDuty.Workflows.Persistence.DutyRecord>(dossier.Lapses).ShouldAllBe(r => r.SourceInstanceId != null && r.SourceElementId == "work");
    }
}
