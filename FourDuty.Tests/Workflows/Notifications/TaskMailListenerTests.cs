using System.Text.Json;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Workflows.Notifications;

public sealed class TaskMailListenerTests
{
    private static readonly string Model = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
        <parallelGateway id="fork"/>
        <sequenceFlow id="f2" sourceRef="fork" targetRef="verify"/>
        <sequenceFlow id="f3" sourceRef="fork" targetRef="review"/>
        <userTask id="verify" name="核查整改" camunda:assignee="role:DisciplineSecretary"/>
        <userTask id="review" name="审阅清单" camunda:candidateGroups="leadership"/>
        """);

    [Fact]
    public async Task NewTasks_WriteOneMailPerRecipientToOutbox_InTheSameStep()
    {
        await using var scenario = await DeployAsync();

        await scenario.StartAsync("p");

        var tasks = await scenario.OpenTaskRecordsAsync();
        tasks.Single(t => t.ElementId == "verify").Assignee.ShouldBe("zhao.discipline");
        var mails = (await scenario.Queries.ListOutboxAsync(100)).Select(Payload).ToList();
        mails.Where(m => m.TaskId == tasks.Single(t => t.ElementId == "verify").Id).Select(m => m.Person).ShouldBe(["zhao.discipline"]);
        mails.Where(m => m.TaskId == tasks.Single(t => t.ElementId == "review").Id).Select(m => m.Person)
            .ShouldBe(["li.secretary", "wang.president", "zhao.discipline", "chen.deputy", "liu.vicepresident", "he.vicepresident", "wu.vicepresident"], ignoreOrder: true);
        (await scenario.Queries.ListOutboxAsync(100)).ShouldAllBe(o => o.Status == OutboxStatus.Pending && o.Kind == "mail");
    }

    [Fact]
    public async Task Reassigning_MailsTheNewAssignee()
    {
        await using var scenario = await DeployAsync();
        await scenario.StartAsync("p");
        var review = (await scenario.OpenTaskRecordsAsync()).Single(t => t.ElementId == "review");
        var before = (await scenario.Queries.ListOutboxAsync(100)).Count;

        await scenario.Engine.ChangeAssigneeAsync(review.Id, AssigneeChange.Assign, "chen.deputy");

        var outbox = await scenario.Queries.ListOutboxAsync(100);
        outbox.Count.ShouldBe(before + 1);
        outbox.Select(Payload).ShouldContain(new TaskMail("task-assigned", review.Id, "chen.deputy", Link: true));
    }

    [Fact]
    public async Task ClaimingAndUnclaiming_MailsNobody()
    {
        await using var scenario = await DeployAsync();
        await scenario.StartAsync("p");
        var review = (await scenario.OpenTaskRecordsAsync()).Single(t => t.ElementId == "review");
        var before = (await scenario.Queries.ListOutboxAsync(100)).Count;

        await scenario.Engine.ChangeAssigneeAsync(review.Id, AssigneeChange.Claim, "chen.deputy");
        await scenario.Engine.ChangeAssigneeAsync(review.Id, AssigneeChange.Unclaim, "chen.deputy");

        (await scenario.Queries.ListOutboxAsync(100)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task TheMailNamesThePolicyArticle_FromThePropertyOrElseTheDocumentation()
    {
        await using var scenario = await DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="fill"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="talk"/>
            <sequenceFlow id="f4" sourceRef="fork" targetRef="plain"/>
            <userTask id="fill" camunda:assignee="chen.deputy"><documentation>按照《实施办法》第十条，填报本年度责任清单。</documentation></userTask>
            <userTask id="talk" camunda:assignee="li.secretary">
              <documentation>见第十二条</documentation>
              <extensionElements><camunda:properties><camunda:property name="article" value="《实施办法》第二十条"/></camunda:properties></extensionElements>
            </userTask>
            <userTask id="plain" camunda:assignee="wang.president"><documentation>请审阅。</documentation></userTask>
            """));

        await scenario.StartAsync("p");

        var articles = (await scenario.Queries.ListOutboxAsync(100)).Select(Payload).ToDictionary(m => m.Person, m => m.Article);
        articles["chen.deputy"].ShouldBe("《实施办法》第十条");
        articles["li.secretary"].ShouldBe("《实施办法》第二十条");
        articles["wang.president"].ShouldBeNull();
    }

    [Fact]
    public async Task ATaskForSomeoneTheOrganisationFileDoesNotKnow_StillWritesTheirMail_SoItsFailureShows()
    {
        await using var scenario = await DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
            <userTask id="report" name="报送整改情况" camunda:assignee="chengang"/>
            """));

        await scenario.StartAsync("p");

        (await scenario.Queries.ListOutboxAsync(100)).Select(Payload).Select(m => m.Person).ShouldBe(["chengang"]);
    }

    private static Task<Scenario> DeployAsync(string? model = null)
    {
        var directory = PeopleDirectory.Load(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json"));
        return Scenario.DeployAsync(TestStore.InMemory, services =>
        {
            services.AddSingleton(directory);
            services.AddSingleton<PeopleResolver>();
            services.AddSingleton<ITaskAssignmentResolver, RoleAssignmentResolver>();
            services.AddSingleton<IUserTaskListener, TaskMailListener>();
        }, model ?? Model);
    }

    private static TaskMail Payload(OutboxRecord row) => JsonSerializer.Deserialize<TaskMail>(row.Payload, JsonSerializerOptions.Web)!;
}
