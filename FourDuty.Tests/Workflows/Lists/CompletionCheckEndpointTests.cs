using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Tests.Workflows.Handlers;
using FourDuty.Workflows.Lists;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Workflows.Lists;

/// <summary>Through the real Host: a completion the domain refuses is a 422 in the shape of a form's refusal.</summary>
[Collection(HostCollection.Name)]
public sealed class CompletionCheckEndpointTests
{
    [Fact]
    public async Task CompleteTaskEndpoint_Answers422WithTheFieldErrors_AsForAFormError()
    {
        await using var factory = new FourDutyHostFactory();
        using var client = factory.CreateClientFor("chen.deputy");
        var engine = factory.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("lists.bpmn", ProcessXml.Of("lists", """
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="form"/>
            <userTask id="form" name="提交三张清单" camunda:assignee="chen.deputy"/>
            <sequenceFlow id="f1" sourceRef="form" targetRef="save"/>
            <serviceTask id="save" camunda:type="duty.saveLists"/>
            <sequenceFlow id="f2" sourceRef="save" targetRef="end"/>
            <endEvent id="end"/>
            """))])).Succeeded.ShouldBeTrue();
        var instance = await engine.StartAsync("lists", variables: Scenario.Variables(new { year = 2026, subjectId = "chen.deputy" }));
        var task = (await engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single();

        var response = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { variables = new { claims = new[] { "no-such-item" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["code"].Text().ShouldBe("ENGINE-INVALID-FORM");
        problem["errors"]!.AsArray().Single()!["key"].Text().ShouldBe("claims[0]");
        problem["errors"]!.AsArray().Single()!["code"].Text().ShouldBe(DutyErrors.UnknownProjectItem);
    }
}
