using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Organization;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Seeds;

/// <summary>Seeds at start: once, as an update when the file changed, and a broken file stops the start with file, line and reason.</summary>
public sealed class SeedLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fourduty-seeds-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Start_SeedsOnce_ChangesNothingTheSecondTime_AndAppliesAChangedFileAsAnUpdate(TestStore store)
    {
        var organization = Path.Combine(_folder, "organization.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json"), organization);
        var database = Path.Combine(_folder, "seeded.db");
        string? postgres = null;
        DateTimeOffset appliedAt;
        await using (var first = await DomainHost.StartAsync(store, w => w.Seeds.Organization = organization, sqliteFile: database))
        {
            postgres = first.Postgres;
            await using var db = first.Db();
            (await db.People.CountAsync()).ShouldBe(14);
            (await db.Subjects.CountAsync()).ShouldBe(12);
            (await db.CalendarYears.Select(y => y.Year).ToListAsync()).ShouldBe([2026, 2027]);
            appliedAt = (await db.SeedFiles.SingleAsync(s => s.Name == "organization")).AppliedAt;
            first.Get<PeopleDirectory>().Current.FindSubject("branch-admin")!.SupervisingLeaderId.ShouldBe("wu.vicepresident");
        }

        await using (var second = await DomainHost.StartAsync(store, w => w.Seeds.Organization = organization, postgres: postgres, sqliteFile: database,
            start: DomainHost.T0.AddDays(1)))
        {
            await using var db = second.Db();
            (await db.People.CountAsync()).ShouldBe(14);
            (await db.SeedFiles.SingleAsync(s => s.Name == "organization")).AppliedAt.ShouldBe(appliedAt);
        }

        File.WriteAllText(organization, File.ReadAllText(organization)
            .Replace("\"supervisingLeader\": \"wu.vicepresident\", \"unit\": \"branch-admin\"", "\"supervisingLeader\": \"he.vicepresident\", \"unit\": \"branch-admin\"")
            .Replace("{ \"id\": \"han.branch\"", "{ \"id\": \"gao.branch\", \"name\": \"高洁\", \"title\": \"机关党支部副书记\", \"email\": \"gao.branch@college.example\", \"roles\": [\"BranchSecretary\"] },\n    { \"id\": \"han.branch\""));
        await using (var third = await DomainHost.StartAsync(store, w => w.Seeds.Organization = organization, postgres: postgres, sqliteFile: database))
        {
            await using var db = third.Db();
            (await db.People.CountAsync()).ShouldBe(15);
            (await db.Subjects.CountAsync()).ShouldBe(12);
            (await db.Subjects.SingleAsync(s => s.Id == "branch-admin")).SupervisingLeaderId.ShouldBe("he.vicepresident");
            third.Get<PeopleDirectory>().Find("gao.branch")!.Name.ShouldBe("高洁");
        }
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task Start_StopsWithTheFileLineAndReason_WhenASubjectNamesAnUnknownPerson(TestStore store)
    {
        var organization = Path.Combine(_folder, "organization.json");
        File.WriteAllText(organization, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json"))
            .Replace("\"owner\": \"feng.branch\"", "\"owner\": \"feng.brnach\""));
        var line = File.ReadAllLines(organization).ToList().FindIndex(l => l.Contains("feng.brnach")) + 1;

        var error = await Should.ThrowAsync<InvalidDataException>(() => DomainHost.StartAsync(store, w => w.Seeds.Organization = organization));

        error.Message.ShouldBe($"{organization} line {line} ($.subjects[10].owner): 'feng.brnach' is not the id of a person in \"people\".");
    }

    [Fact]
    public async Task Start_StopsWithTheFileLineAndReason_WhenACalendarHolidayEndsBeforeItStarts()
    {
        var calendar = Path.Combine(_folder, "calendar.json");
        File.WriteAllText(calendar, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds/calendar/cn-2026-2027.json"))
            .Replace("\"from\": \"2026-10-01\", \"to\": \"2026-10-07\"", "\"from\": \"2026-10-07\", \"to\": \"2026-10-01\""));
        var line = File.ReadAllLines(calendar).ToList().FindIndex(l => l.Contains("2026-10-07")) + 1;

        var error = await Should.ThrowAsync<InvalidDataException>(() => DomainHost.StartAsync(TestStore.Sqlite, w => w.Seeds.Calendar = calendar));

        error.Message.ShouldStartWith($"{calendar} line {line} ($.years[0].holidays[6].to): 2026-10-01 is before");
    }
}
