using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Tests.Workflows.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Evidence;

/// <summary>Evidence files through the real Host: stored once, served back, refused with 413, 415 or 422 naming the field.</summary>
[Collection(HostCollection.Name)]
public sealed class EvidenceEndpointsTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private FourDutyHostFactory _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new FourDutyHostFactory(settings: new Dictionary<string, string> { ["Evidence:MaxBytes"] = "4096" });
        _client = _host.CreateClientFor("liu.vicepresident");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upload_StoresTheFileOnce_AndServesItBack()
    {
        var first = await UploadAsync("/api/evidence", "整改报告.pdf", Pdf, ("subjectId", "liu.vicepresident"));
        var again = await UploadAsync("/api/evidence", "整改报告（再次上传）.pdf", Pdf, ("subjectId", "liu.vicepresident"));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = await Json(first);
        stored["contentType"].Text().ShouldBe("application/pdf");
        (await Json(again))["id"].Text().ShouldBe(stored["id"].Text());
        var download = await _client.GetAsync($"/api/evidence/{stored["id"].Text()}");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Upload_IsRefused_ForAnotherSubject_AndTheFileIsSeenOnlyByItsOwnerAndOversight()
    {
        var stored = await Json(await UploadAsync("/api/evidence", "整改报告.pdf", Pdf, ("subjectId", "liu.vicepresident")));
        var path = $"/api/evidence/{stored["id"].Text()}";
        using var colleague = _host.CreateClientFor("chen.deputy");
        using var discipline = _host.CreateClientFor("zhao.discipline");
        using var stranger = _host.CreateClient();

        var foreign = await UploadAsync("/api/evidence", "代传.pdf", Pdf, [("subjectId", "liu.vicepresident")], colleague);

        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(foreign))["code"].Text().ShouldBe("EVIDENCE-NOT-YOURS");
        (await colleague.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await discipline.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await UploadAsync("/api/evidence", "匿名.pdf", Pdf, [("subjectId", "liu.vicepresident")], stranger)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Upload_Answers413_415_And422_NamingTheField()
    {
        var large = await UploadAsync("/api/evidence", "scan.pdf", [.. Pdf, .. new byte[5000]]);
        var renamed = await UploadAsync("/api/evidence", "invoice.pdf", "MZ\u0090\0"u8.ToArray());
        var empty = await UploadAsync("/api/evidence", "blank.pdf", []);

        large.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Json(large))["code"].Text().ShouldBe("EVIDENCE-TOO-LARGE");
        renamed.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var unsupported = await Json(renamed);
        unsupported["errors"]!.AsArray().Single()!["key"].Text().ShouldBe("file");
        unsupported["detail"].Text().ShouldStartWith("不支持的文件类型“invoice.pdf”");
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task UploadByTaskLink_StoresTheFileForTheTasksSubject_AndAnUnknownLinkUploadsNothing()
    {
        var engine = _host.Services.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("rectify.bpmn", ProcessXml.Of("rectify", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fix"/>
            <userTask id="fix" name="整改并上传佐证" camunda:assignee="he.vicepresident"/>
            """))])).Succeeded.ShouldBeTrue();
        var instance = await engine.StartAsync("rectify", variables: Scenario.Variables(new { subjectId = "he.vicepresident" }));
        var task = (await engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single();
        var token = TaskLinkTokens.Create();
        await engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), task.Id, "he.vicepresident", DateTimeOffset.UtcNow.AddDays(1));

        var uploaded = await UploadAsync($"/t/{token}/evidence", "盘点表.pdf", Pdf);
        var unknown = await UploadAsync($"/t/{TaskLinkTokens.Create()}/evidence", "盘点表.pdf", Pdf);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Json(uploaded))["subjectId"].Text().ShouldBe("he.vicepresident");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> UploadAsync(string path, string name, byte[] bytes, params (string Name, string Value)[] fields) =>
        UploadAsync(path, name, bytes, fields, _client);

    private static async Task<HttpResponseMessage> UploadAsync(string path, string name, byte[] bytes, (string Name, string Value)[] fields, HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return await client.PostAsync(path, form);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
