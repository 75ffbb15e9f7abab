using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Api;

/// <summary>The engine's HTTP API against the running Host (embedded SQLite), as a signed-in client would use it.</summary>
[Collection(HostCollection.Name)]
public sealed class EngineApiTests
{
    private const string Review = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <message id="m" name="feedbackArrived"/>
          <process id="review" name="Review" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <userTask id="check" name="Check the list" camunda:assignee="${owner}" camunda:dueDate="P5D"/>
            <sequenceFlow id="f2" sourceRef="check" targetRef="wait"/>
            <receiveTask id="wait" messageRef="m"/>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="decide"/>
            <exclusiveGateway id="decide"/>
            <sequenceFlow id="ok" sourceRef="decide" targetRef="end"><conditionExpression>${score > 60}</conditionExpression></sequenceFlow>
            <sequenceFlow id="low" sourceRef="decide" targetRef="end"><conditionExpression>${score &lt;= 60}</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Deploy_Returns201WithVersions_AndIdenticalRedeployKeepsVersion_ChangedOneGetsNext()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        var first = await DeployAsync(client, Review);
        var again = await DeployAsync(client, Review);
        var changed = await DeployAsync(client, Review.Replace("Check the list", "Check the lists", StringComparison.Ordinal));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Definition(first)).GetProperty("version").GetInt32().ShouldBe(1);
        var redeployed = await Definition(again);
        redeployed.GetProperty("version").GetInt32().ShouldBe(1);
        redeployed.GetProperty("isNew").GetBoolean().ShouldBeFalse();
        (await Definition(changed)).GetProperty("version").GetInt32().ShouldBe(2);
        var versions = await client.GetFromJsonAsync<JsonElement>("/api/definitions/review/versions");
        versions.GetArrayLength().ShouldBe(2);
        (await client.GetStringAsync("/api/definitions/review/xml?version=1")).ShouldContain("Check the list\"");
    }

    [Fact]
    public async Task Deploy_InvalidModel_Returns422WithEveryProblem()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        using var response = await DeployAsync(client, Review.Replace("targetRef=\"wait\"", "targetRef=\"nowhere\"", StringComparison.Ordinal)
            .Replace("${score > 60}", "${score >}", StringComparison.Ordinal));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        string Id(JsonElement p) => p.GetProperty("elementId").GetString()!;
        problems.Single(p => p.GetProperty("code").GetString() == "BPMN-070").GetProperty("message").GetString()!.ShouldContain("'ok'");
        problems.Single(p => p.GetProperty("code").GetString() == "BPMN-020").GetProperty("elementId").GetString().ShouldBe("f2");
        problems.Where(p => p.GetProperty("code").GetString() == "BPMN-030").Select(Id).ShouldBe(["wait", "decide", "end"], ignoreOrder: true);
        problems.Count.ShouldBe(5);
        (await client.GetAsync("/api/definitions/review")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WholeLife_StartCompleteCorrelate_WithConflictsAndIncidentRetry()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        (await DeployAsync(client, Review)).EnsureSuccessStatusCode();

        using var started = await client.PostAsJsonAsync("/api/definitions/review/start",
            new { businessKey = "college-a/2026", variables = new { owner = "chen.deputy" } });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var instance = await started.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = instance.GetProperty("instance").GetProperty("id").GetString();
        instance.GetProperty("activeElements").EnumerateArray().Single().GetString().ShouldBe("check");

        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks?assignee=chen.deputy");
        var task = tasks.EnumerateArray().Single();
        task.GetProperty("name").GetString().ShouldBe("Check the list");
        task.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(4));
        var taskId = task.GetProperty("id").GetString();

        using var leader = host.CreateClientFor("chen.deputy");
        // The office sees the task but may not complete another person's; a user id in the body changes nothing.
        (await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { userId = "chen.deputy" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { userId = "li.secretary" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var second = await leader.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("already completed by chen.deputy");

        (await client.PostAsJsonAsync("/api/messages", new { name = "nobodyWaits" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var delivered = await client.PostAsJsonAsync("/api/messages", new { name = "feedbackArrived" });
        delivered.StatusCode.ShouldBe(HttpStatusCode.OK);

        var incidents = await client.GetFromJsonAsync<JsonElement>($"/api/incidents?instanceId={instanceId}");
        var incident = incidents.EnumerateArray().Single();
        incident.GetProperty("elementId").GetString().ShouldBe("decide");
        incident.GetProperty("message").GetString()!.ShouldContain("score is not defined");

        (await client.PutAsJsonAsync($"/api/instances/{instanceId}/variables", new { score = 80 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var ended = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        ended.GetProperty("instance").GetProperty("status").GetString().ShouldBe("Completed");
        ended.GetProperty("variables").GetProperty("score").GetDouble().ShouldBe(80);
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("completedBy").GetString().ShouldBe("chen.deputy");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history");
        history.EnumerateArray().Select(h => h.GetProperty("type").GetString()).ShouldContain("IncidentResolved");
        (await client.DeleteAsync($"/api/instances/{instanceId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Messages_TakeCamundasBody_BusinessKeyPicksTheInstance_AndAMessageStartedProcessStartsByKey()
    {
        const string waiting = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <message id="m" name="feedbackArrived"/>
              <message id="s" name="inspectionFeedback"/>
              <process id="waits" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <receiveTask id="wait" messageRef="m"/>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                <endEvent id="end"/>
              </process>
              <process id="inspection" isExecutable="true">
                <startEvent id="byMessage"><messageEventDefinition messageRef="s"/></startEvent>
                <sequenceFlow id="g1" sourceRef="byMessage" targetRef="meet"/>
                <userTask id="meet" camunda:assignee="zhou.office" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"/>
              </process>
            </definitions>
            """;
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        (await DeployAsync(client, waiting)).EnsureSuccessStatusCode();
        var a = await StartedAsync(client, "waits", "college-a");
        var b = await StartedAsync(client, "waits", "college-b");

        using var nobody = await client.PostAsJsonAsync("/api/messages", new { messageName = "feedbackArrived", businessKey = "college-z" });
        using var unnamed = await client.PostAsJsonAsync("/api/messages", new { businessKey = "college-b" });
        using var delivered = await client.PostAsJsonAsync("/api/messages", new
        {
            messageName = "feedbackArrived",
            businessKey = "college-b",
            processVariables = new { findings = new { value = 3, type = "Integer" } },
        });
        using var byKey = await client.PostAsJsonAsync("/api/definitions/inspection/start", new { businessKey = "college-a" });

        nobody.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await nobody.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("message").GetString()!.ShouldContain("business key 'college-z'");
        problem.GetProperty("message").GetString()!.ShouldContain("nothing was changed");
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        delivered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await delivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString().ShouldBe(b);
        var ended = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{b}");
        ended.GetProperty("instance").GetProperty("status").GetString().ShouldBe("Completed");
        ended.GetProperty("variables").GetProperty("findings").GetDouble().ShouldBe(3);
        (await client.GetFromJsonAsync<JsonElement>($"/api/instances/{a}")).GetProperty("instance").GetProperty("status").GetString().ShouldBe("Active");
        byKey.StatusCode.ShouldBe(HttpStatusCode.Created, await byKey.Content.ReadAsStringAsync());
        (await byKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activeElements").EnumerateArray().Single().GetString().ShouldBe("meet");
    }

    private static async Task<string> StartedAsync(HttpClient client, string key, string businessKey)
    {
        using var started = await client.PostAsJsonAsync($"/api/definitions/{key}/start", new { businessKey });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task MalformedJson_Returns400SayingWhereTheBodyBreaks()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");
        await DeployAsync(client, Review);

        using var response = await client.PostAsync("/api/definitions/review/start", new StringContent("{\"businessKey\": \"2027\",, }", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("HTTP-BAD-REQUEST");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("LineNumber: 0 | BytePositionInLine: 23");
    }

    [Fact]
    public async Task Clock_IsAbsent_WhenClockIsReal()
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClientFor("zhou.office");

        (await client.GetAsync("/api/clock")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ClockAdvance_FiresDueTimers_WhenClockIsSimulated()
    {
        await using var host = new FourDutyHostFactory(settings: new Dictionary<string, string>
        {
            ["Clock:Mode"] = "Simulated",
            ["Clock:Start"] = "2026-03-02T09:00:00+08:00",
        });
        using var client = host.CreateClientFor("zhou.office");
        (await DeployAsync(client, """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="deadline" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                <userTask id="work"/>
                <boundaryEvent id="late" attachedToRef="work" cancelActivity="false"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>
                <sequenceFlow id="f2" sourceRef="late" targetRef="escalate"/>
                <userTask id="escalate"/>
              </process>
            </definitions>
            """)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/definitions/deadline/start", new { })).EnsureSuccessStatusCode();

        using var admin = host.CreateClientFor("admin");
        (await client.PostAsJsonAsync("/api/clock/advance", new { duration = "P2D" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only an admin moves the clock");
        (await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "P2D" })).EnsureSuccessStatusCode();
        (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).GetArrayLength().ShouldBe(1);
        using var advanced = await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "P1D" });

        (await advanced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero));
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
        tasks.EnumerateArray().Select(t => t.GetProperty("elementId").GetString()).Order().ShouldBe(["escalate", "work"]);
        (await admin.PostAsJsonAsync("/api/clock/advance", new { duration = "three days" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    private static Task<HttpResponseMessage> DeployAsync(HttpClient client, string xml)
    {
        var content = new MultipartFormDataContent { { new StringContent(xml, Encoding.UTF8, "application/xml"), "file", "review.bpmn" } };
        return client.PostAsync("/api/deployments", content);
    }

    private static async Task<JsonElement> Definition(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definitions").EnumerateArray().Single();
}
