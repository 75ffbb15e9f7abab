using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.TaskPages;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.TaskPages;

/// <summary>
/// A mailed link's page speaks the language of the person it was made for (the organisation's <c>culture</c>, as their
/// mails do), else the browser's: 吴涛 reads English, 李明 Chinese.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TaskLinkLanguageTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="talk-both" name="约谈提醒" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="split"/>
            <parallelGateway id="split"/>
            <sequenceFlow id="f2" sourceRef="split" targetRef="wu"/>
            <sequenceFlow id="f3" sourceRef="split" targetRef="li"/>
            <userTask id="wu" name="安排约谈时间" camunda:assignee="wu.vicepresident"><documentation>请安排约谈。</documentation></userTask>
            <userTask id="li" name="审阅约谈记录" camunda:assignee="li.secretary"><documentation>请审阅。</documentation></userTask>
          </process>
        </definitions>
        """;

    private readonly FourDutyHostFactory _host = new();
    private ProcessEngine _engine = null!;
    private Guid _instance;

    public async Task InitializeAsync()
    {
        _engine = _host.Services.GetRequiredService<ProcessEngine>();
        (await _engine.DeployAsync([new DeploymentResource("talk-both.bpmn", Model)])).Succeeded.ShouldBeTrue();
        _instance = await _engine.StartAsync("talk-both", "he.vicepresident");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheAssigneesLanguageDecides_EvenAgainstTheBrowser()
    {
        using var client = _host.CreateClient();

        var english = await PageAsync(client, "wu", "wu.vicepresident", "zh-CN,zh;q=0.9");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("<th>Process</th>");
        english.ShouldContain(">Submit</button>");

        var chinese = await PageAsync(client, "li", "li.secretary", "zh-CN,zh;q=0.9");
        chinese.ShouldContain("<html lang=\"zh-CN\">");
        chinese.ShouldContain("<th>所属流程</th>");
        chinese.ShouldContain(">提交办理结果</button>");
    }

    [Fact]
    public async Task WithoutAPersonsLanguage_TheBrowserDecides_AndTheSwitchWinsOverBoth()
    {
        using var client = _host.CreateClient();

        // 李明 has no culture in the organisation: his browser decides.
        (await PageAsync(client, "li", "li.secretary", "en-US,en;q=0.9")).ShouldContain("<html lang=\"en\">");
        (await PageAsync(client, "li", "li.secretary", null)).ShouldContain("<html lang=\"zh-CN\">");
        // The language switch on the page (its cookie) is the reader's own choice, over the organisation's.
        var switched = await PageAsync(client, "wu", "wu.vicepresident", "en", cookie: "fourduty.lang=zh-CN");
        switched.ShouldContain("<html lang=\"zh-CN\">");
        switched.ShouldContain("<th>所属流程</th>");
    }

    private async Task<string> PageAsync(HttpClient client, string element, string person, string? acceptLanguage, string? cookie = null)
    {
        var task = (await _engine.Queries.ListTasksAsync(new(InstanceId: _instance))).Single(t => t.ElementId == element);
        var token = TaskLinkTokens.Create();
        await _engine.RegisterTaskLinkAsync(TaskLinkTokens.Hash(token), task.Id, person, DateTimeOffset.UtcNow.AddDays(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, TaskPageEndpoints.Prefix + token);
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (cookie is not null) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
