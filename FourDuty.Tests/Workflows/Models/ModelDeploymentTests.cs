using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Models;

namespace FourDuty.Tests.Workflows.Models;

/// <summary>The four processes in <c>workflows/</c>: deployed at start, once per content, and checked by the domain's model rules.</summary>
public sealed class ModelDeploymentTests
{
    private static readonly string[] Keys = ["annual-list-cycle", "feedback-rectification", "gap-filling", "reminder-talk"];

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Start_DeploysTheFourModelsWithTheirForms_AndAnotherStartKeepsTheirVersions(TestStore store)
    {
        var folder = Directory.CreateTempSubdirectory("fourduty-models-").FullName;
        var sqlite = Path.Combine(folder, "fourduty.db");
        string? postgres;
        await using (var first = await DomainHost.StartAsync(store, sqliteFile: sqlite))
        {
            postgres = first.Postgres;
            var definitions = await first.Engine.Queries.ListDefinitionsAsync(null);
            definitions.Select(d => d.Key).Order().ShouldBe(Keys);
            definitions.ShouldAllBe(d => d.Version == 1);
            (await first.Engine.GetDefinitionFormsAsync("annual-list-cycle", null)).Select(f => f.Key).ShouldContain("submit-lists.form");
        }

        await using var second = await DomainHost.StartAsync(store, postgres: postgres, sqliteFile: sqlite);
        (await second.Engine.Queries.ListDefinitionsAsync(null)).ShouldAllBe(d => d.Version == 1);
    }

    [Fact]
    public async Task Start_DeploysANewVersionOfAChangedModelOnly()
    {
        var models = CopyOfWorkflows();
        var sqlite = Path.Combine(models, "fourduty.db");
        await using (await DomainHost.StartAsync(TestStore.Sqlite, w => w.Models.Folder = models, sqliteFile: sqlite))
        {
        }

        var file = Path.Combine(models, "gap-filling.bpmn");
        File.WriteAllText(file, File.ReadAllText(file).Replace("workdays(5)", "workdays(3)", StringComparison.Ordinal));
        await using var host = await DomainHost.StartAsync(TestStore.Sqlite, w => w.Models.Folder = models, sqliteFile: sqlite);

        var latest = (await host.Engine.Queries.ListDefinitionsAsync(null)).GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Max(d => d.Version));
        latest["gap-filling"].ShouldBe(2);
        latest.Where(l => l.Key != "gap-filling").ShouldAllBe(l => l.Value == 1);
    }

    [Fact]
    public async Task Deploy_RefusesAUserTaskWithoutOwner_NamingTheElementAndTheRule()
    {
        await using var host = await DomainHost.StartAsync(TestStore.Sqlite);
        var xml = File.ReadAllText(Path.Combine(RepositoryFiles.Workflows, "annual-list-cycle.bpmn"))
            .Replace(" camunda:assignee=\"${subject.owner}\" camunda:dueDate=\"${dueAt}\" camunda:formKey=\"camunda-forms:deployment:submit-lists.form\"",
                " camunda:dueDate=\"${dueAt}\" camunda:formKey=\"camunda-forms:deployment:submit-lists.form\"", StringComparison.Ordinal);

        var result = await host.Engine.DeployAsync([new DeploymentResource("annual-list-cycle.bpmn", xml), .. Forms()]);

        result.Succeeded.ShouldBeFalse();
        var problem = result.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        problem.Code.ShouldBe("DUTY-MODEL-001");
        problem.ElementId.ShouldBe("submitLists");
        problem.File.ShouldBe("annual-list-cycle.bpmn");
        problem.Line.ShouldBeGreaterThan(0);
        problem.Message.ShouldContain("没有责任人");
    }

    [Fact]
    public async Task Deploy_RefusesUnknownPeopleTypesAndMailsAboutNothing()
    {
        await using var host = await DomainHost.StartAsync(TestStore.Sqlite);
        var xml = ProcessXml.Of("broken", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="ask"/>
            <userTask id="ask" name="填写" camunda:assignee="nobody.here"><documentation>第十条</documentation></userTask>
            <sequenceFlow id="f2" sourceRef="ask" targetRef="save"/>
            <serviceTask id="save" camunda:type="duty.saveEverything"/>
            <sequenceFlow id="f3" sourceRef="save" targetRef="remind"/>
            <sendTask id="remind" camunda:type="mail"/>
            """);

        var result = await host.Engine.DeployAsync([new DeploymentResource("broken.bpmn", xml)]);

        result.Problems.Select(p => (p.Code, p.ElementId)).ShouldBe(
            [("DUTY-MODEL-002", "ask"), ("DUTY-MODEL-003", "save"), ("DUTY-MODEL-004", "remind")], ignoreOrder: true);
        result.Problems.Single(p => p.Code == "DUTY-MODEL-002").Message.ShouldContain("nobody.here");
    }

    [Fact]
    public async Task Start_StopsWithTheFileElementAndRule_WhenAModelInTheFolderIsRefused()
    {
        var models = CopyOfWorkflows();
        var file = Path.Combine(models, "reminder-talk.bpmn");
        File.WriteAllText(file, File.ReadAllText(file).Replace("camunda:assignee=\"${holder}\" camunda:formKey", "camunda:formKey", StringComparison.Ordinal));

        var refused = await Should.ThrowAsync<ModelRefusedException>(() => DomainHost.StartAsync(TestStore.Sqlite, w => w.Models.Folder = models));

        refused.Message.ShouldContain("reminder-talk.bpmn:");
        refused.Message.ShouldContain("holdTalk task-owner error");
    }

    private static IEnumerable<DeploymentResource> Forms() =>
        Directory.GetFiles(RepositoryFiles.Workflows, "*.form").Select(f => new DeploymentResource(Path.GetFileName(f), File.ReadAllText(f)));

    private static string CopyOfWorkflows()
    {
        var folder = Directory.CreateTempSubdirectory("fourduty-models-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryFiles.Workflows).Where(f => f.EndsWith(".bpmn") || f.EndsWith(".form")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
