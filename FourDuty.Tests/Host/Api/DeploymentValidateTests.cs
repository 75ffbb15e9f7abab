using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Host.Web;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Api;

/// <summary><c>POST /api/deployments/validate</c>: a deployment's checks, nothing deployed.</summary>
[Collection(HostCollection.Name)]
public sealed class DeploymentValidateTests
{
    [Fact]
    public async Task Validate_ReturnsEveryProblemWithItsElement_AndDeploysNothing()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        using var content = new StringContent(WebFixtures.Read("refused.bpmn"));

        using var response = await client.PostAsync("/api/deployments/validate", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problems = result.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("elementId").GetString()} {p.GetProperty("code").GetString()} {p.GetProperty("severity").GetString()}").ToList();
        problems.ShouldContain("Flow_no BPMN-042 Error");
        problems.ShouldContain("Notify BPMN-083 Error");
        problems.ShouldContain("Orphan BPMN-030 Warning");
        FourDutyHostFactory.OnlyShipped(await client.GetStringAsync("/api/definitions")).ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_ReportsTheCollegesRulesWithElementAndLine_AsTheDeploymentThatRefusesIt()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        var model = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Host", "Commands", Commands.ValidateCommandTests.DomainModel));

        using var validateContent = new MultipartFormDataContent { { new StringContent(model), "files", "review.bpmn" } };
        var validated = await (await client.PostAsync("/api/deployments/validate", validateContent)).Content.ReadFromJsonAsync<JsonElement>();
        using var deployContent = new MultipartFormDataContent { { new StringContent(model), "files", "review.bpmn" } };
        using var deployed = await client.PostAsync("/api/deployments", deployContent);

        validated.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problems = validated.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("elementId").GetString()}:{p.GetProperty("line").GetInt32()} {p.GetProperty("code").GetString()} {p.GetProperty("severity").GetString()}")
            .ToList();
        problems.ShouldBe(["review:8 DUTY-MODEL-002 Error", "orphan:10 DUTY-MODEL-001 Error"], ignoreOrder: true);
        deployed.IsSuccessStatusCode.ShouldBeFalse("what validate reports is what deployment refuses");
        (await deployed.Content.ReadAsStringAsync()).ShouldContain("DUTY-MODEL-001");
        FourDutyHostFactory.OnlyShipped(await client.GetStringAsync("/api/definitions")).ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_FindsAFormKeyWithoutItsForm_AsADeploymentWould()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        using var alone = new MultipartFormDataContent { { new StringContent(WebFixtures.Read("deadline-reminder.bpmn")), "files", "deadline-reminder.bpmn" } };
        using var withForm = new MultipartFormDataContent
        {
            { new StringContent(WebFixtures.Read("deadline-reminder.bpmn")), "files", "deadline-reminder.bpmn" },
            { new StringContent(WebFixtures.Read("lists.form")), "files", "lists.form" },
        };

        var missing = await (await client.PostAsync("/api/deployments/validate", alone)).Content.ReadFromJsonAsync<JsonElement>();
        var complete = await (await client.PostAsync("/api/deployments/validate", withForm)).Content.ReadFromJsonAsync<JsonElement>();

        missing.GetProperty("valid").GetBoolean().ShouldBeFalse();
        missing.GetProperty("problems")[0].GetProperty("elementId").GetString().ShouldBe("SubmitLists");
        complete.GetProperty("valid").GetBoolean().ShouldBeTrue();
        complete.GetProperty("problems").GetArrayLength().ShouldBe(0);
    }
}
