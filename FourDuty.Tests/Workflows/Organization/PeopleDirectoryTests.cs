using FourDuty.Workflows.Organization;

namespace FourDuty.Tests.Workflows.Organization;

public sealed class PeopleDirectoryTests
{
    [Fact]
    public void Load_ReadsTheShippedOrganisation_WithRolesAndGroups()
    {
        var directory = PeopleDirectory.Load(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json"));

        directory.WithRole("DisciplineSecretary").Single().Name.ShouldBe("赵敏");
        directory.InGroup("leadership").Count().ShouldBe(7);
        directory.People.ShouldAllBe(p => p.Email != null);
    }

    [Fact]
    public void Load_NamesTheFileAndPlace_WhenJsonIsBroken()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"people\": [ { \"id\": \"a\" }, { \"id\": } ] }");
        try
        {
            var error = Should.Throw<InvalidDataException>(() => PeopleDirectory.Load(path));

            error.Message.ShouldContain(path);
            error.Message.ShouldContain("line 1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_GivesAccessByPosition_WhenTheFileListsNone()
    {
        var directory = PeopleDirectory.Load(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json"));

        directory.Find("zhou.office")!.Access.ShouldBe([AccessRole.Office, AccessRole.Designer]);
        directory.Find("zhao.discipline")!.Access.ShouldBe([AccessRole.Discipline, AccessRole.Leader]);
        directory.Find("chen.deputy")!.Access.ShouldBe([AccessRole.Leader]);
    }

    [Fact]
    public void Load_RefusesAnUnknownAccessRole_NamingThePerson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "people": [ { "id": "a", "access": ["leader"] }, { "id": "b", "access": ["root"] } ] }""");
        try
        {
            var error = Should.Throw<InvalidDataException>(() => PeopleDirectory.Load(path));

            error.Message.ShouldContain("people[1].access");
            error.Message.ShouldContain("'root'");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
