using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Security;

/// <summary>Who sees and acts on which task through the API: leaders their own, the office all, the discipline secretary reads.</summary>
[Collection(HostCollection.Name)]
public sealed class TaskRulesTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="lists" name="年度清单" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="split"/>
            <parallelGateway id="split"/>
            <sequenceFlow id="f1" sourceRef="split" targetRef="chens"/>
            <sequenceFlow id="f2" sourceRef="split" targetRef="lius"/>
            <sequenceFlow id="f3" sourceRef="split" targetRef="leadership"/>
            <sequenceFlow id="f4" sourceRef="split" targetRef="officeOnly"/>
            <userTask id="chens" camunda:assignee="chen.deputy"/>
            <userTask id="lius" camunda:assignee="liu.vicepresident"/>
            <userTask id="leadership" camunda:candidateGroups="leadership"/>
            <userTask id="officeOnly" camunda:candidateGroups="committeeOffice"/>
          </process>
        </definitions>
        """;

    private readonly FourDutyHostFactory _host = new();
    private readonly Dictionary<string, Guid> _tasks = [];

    public async Task InitializeAsync()
    {
        var engine = _host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("lists.bpmn", Model)])).Succeeded.ShouldBeTrue();
        var instance = await engine.StartAsync("lists", "2027");
        foreach (var task in await engine.Queries.ListTasksAsync(new(InstanceId: instance)))
        {
            _tasks[task.ElementId] = task.Id;
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Leader_SeesOwnAndOfferedTasks_AndCompletesOnlyThose()
    {
        using var chen = _host.CreateClientFor("chen.deputy");

        var visible = await ElementsAsync(chen, "/api/tasks");
        using var others = await chen.GetAsync($"/api/tasks/{_tasks["lius"]}");
        using var completeOthers = await chen.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/complete", new { });
        using var assign = await chen.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/assign", new { userId = "chen.deputy" });
        using var offered = await chen.PostAsJsonAsync($"/api/tasks/{_tasks["leadership"]}/complete", new { });

        visible.ShouldBe(["chens", "leadership"], ignoreOrder: true);
        others.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        completeOthers.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await completeOthers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("TASK-FORBIDDEN");
        assign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        offered.StatusCode.ShouldBe(HttpStatusCode.NoContent, "an unassigned task offered to the leader's group may be completed by a member");
        (await chen.GetAsync("/api/instances")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DelegatedTask_IsTheDelegatesToComplete_AndStaysVisibleToItsOwner()
    {
        using var chen = _host.CreateClientFor("chen.deputy");
        using var sun = _host.CreateClientFor("sun.branch");

        (await chen.PostAsJsonAsync($"/api/tasks/{_tasks["chens"]}/delegate", new { userId = "sun.branch" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ElementsAsync(sun, "/api/tasks")).ShouldBe(["chens"]);
        (await chen.GetAsync($"/api/tasks/{_tasks["chens"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chen.PostAsJsonAsync($"/api/tasks/{_tasks["chens"]}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sun.PostAsJsonAsync($"/api/tasks/{_tasks["chens"]}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var task = await _host.Services.GetRequiredService<ProcessEngine>().Queries.GetTaskAsync(_tasks["chens"]);
        task!.CompletedBy.ShouldBe("sun.branch");
    }

    [Fact]
    public async Task DisciplineSecretaryAndFirstResponsible_ReadEverything_ButChangeNoOnesTask()
    {
        using var zhao = _host.CreateClientFor("zhao.discipline");
        using var li = _host.CreateClientFor("li.secretary");

        (await ElementsAsync(zhao, "/api/tasks")).Count.ShouldBe(4);
        (await ElementsAsync(li, "/api/tasks")).Count.ShouldBe(4);
        (await li.GetAsync("/api/instances")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await zhao.GetAsync($"/api/tasks/{_tasks["lius"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await zhao.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zhao.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/assign", new { userId = "zhao.discipline" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await li.PostAsJsonAsync($"/api/tasks/{_tasks["officeOnly"]}/claim", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zhao.DeleteAsync($"/api/instances/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Office_ReassignsAnyTask_AndTheNewAssigneeCompletesIt()
    {
        using var zhou = _host.CreateClientFor("zhou.office");
        using var li = _host.CreateClientFor("li.secretary");

        using var assigned = await zhou.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/assign", new { userId = "li.secretary" });
        using var completedByOffice = await zhou.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/complete", new { });
        using var completedByLi = await li.PostAsJsonAsync($"/api/tasks/{_tasks["lius"]}/complete", new { });

        assigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString().ShouldBe("li.secretary");
        completedByOffice.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the office reassigns but does not complete another person's task");
        completedByLi.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _host.Services.GetRequiredService<ProcessEngine>().Queries.GetTaskAsync(_tasks["lius"]))!.Status.ShouldBe(UserTaskStatus.Completed);
    }

    private static async Task<List<string>> ElementsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(t => t.GetProperty("elementId").GetString()!).ToList();
}
