using FourDuty.Tests.Engine.Runtime;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary><c>duty.openYear</c>, <c>duty.subjects</c>, <c>duty.resolveSubject</c>, <c>duty.cadreAuthority</c> on the seeded college.</summary>
public sealed class OrganizationHandlerTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task OpenYear_OpensTheYearOnce_WhenTwoProcessesOpenIt(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);

        (await host.RunAsync("duty.openYear", new { year = 2026 }))["year"]!.GetValue<double>().ShouldBe(2026);
        (await host.RunAsync("duty.openYear"))["year"]!.GetValue<double>().ShouldBe(2026);

        await using var db = host.Db();
        db.Years.Single().EndsOn.ShouldBe(new DateOnly(2026, 12, 31));
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Subjects_ListsTheSubjectsOfTheKinds_InTheOrganisationsOrder(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);

        var result = await host.RunAsync("duty.subjects", properties: new Dictionary<string, string> { ["kinds"] = "DualDuty,Supervisor" });

        var subjects = result["subjects"]!.AsArray();
        subjects.Select(s => s!["id"].Text()).ShouldBe(["zhao.discipline", "chen.deputy", "liu.vicepresident", "he.vicepresident", "wu.vicepresident"]);
        subjects[2]!["supervisingLeader"].Text().ShouldBe("wang.president");
        subjects[2]!["firstResponsible"].Text().ShouldBe("li.secretary");
        subjects[2]!["disciplineSecretary"].Text().ShouldBe("zhao.discipline");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ResolveSubject_NamesThePeopleAroundABranch(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);

        var result = await host.RunAsync("duty.resolveSubject", new { subject = new { id = "branch-students" } });

        result["owner"].Text().ShouldBe("feng.branch");
        result["supervisingLeader"].Text().ShouldBe("chen.deputy");
        result["firstResponsible"].Text().ShouldBe("li.secretary");
        result["disciplineSecretary"].Text().ShouldBe("zhao.discipline");
        result["subjectName"].Text().ShouldBe("学生党支部（主体责任）");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ResolveSubject_FailsNamingTheVariable_WhenTheSubjectIsUnknown(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.RunAsync("duty.resolveSubject", new { subjectId = "nobody" }));

        error.Message.ShouldContain("'subjectId'");
        error.Message.ShouldContain("\"nobody\"");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite, "chen.deputy", "li.secretary", "zhao.discipline", false)]
    [InlineData(TestStore.Postgres, "wang.president", "li.secretary", "zhao.discipline", true)]
    [InlineData(TestStore.Sqlite, "li.secretary", "qian.district", "zhao.discipline", true)]
    [InlineData(TestStore.Sqlite, "branch-admin", "chen.deputy", "zhao.discipline", false)]
    public async Task CadreAuthority_GivesTheHolderByCadreManagementAuthority(TestStore store, string subject, string holder, string assistant, bool upward)
    {
        await using var host = await DomainHost.StartAsync(store);

        var result = await host.RunAsync("duty.cadreAuthority", new { subjectId = subject });

        result["holder"].Text().ShouldBe(holder);
        result["assistant"].Text().ShouldBe(assistant);
        result["reportUpward"]!.GetValue<bool>().ShouldBe(upward);
        result["upperBody"].Text().ShouldBe("qian.district");
    }
}
