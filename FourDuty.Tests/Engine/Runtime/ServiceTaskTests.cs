using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Runtime;

public sealed class ServiceTaskTests
{
    private static readonly string Model = ProcessXml.Of("svc", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
        <serviceTask id="call" camunda:type="score" camunda:resultVariable="score">
          <extensionElements><camunda:properties><camunda:property name="endpoint" value="risk"/></camunda:properties></extensionElements>
        </serviceTask>
        <sequenceFlow id="f2" sourceRef="call" targetRef="review"/>
        <userTask id="review"/>
        <boundaryEvent id="rejected" attachedToRef="call">
          <errorEventDefinition errorRef="reject" camunda:errorCodeVariable="code" camunda:errorMessageVariable="why"/>
        </boundaryEvent>
        <sequenceFlow id="f3" sourceRef="rejected" targetRef="handleRejection"/>
        <userTask id="handleRejection"/>
        """, """<error id="reject" errorCode="REJECTED"/>""");

    [Fact]
    public async Task Handler_SetsResultVariable_AndTokenMovesOn()
    {
        var handler = new ScriptedHandler(context => new ServiceTaskResult
        {
            Result = JsonValue.Create(context.Properties["endpoint"] + ":" + context.Variables["applicant"]!.GetValue<string>()),
            Variables = new Dictionary<string, JsonNode?> { ["checked"] = true },
        });
        await using var scenario = await Deploy(handler);
        await scenario.StartAsync("svc", new { applicant = "kermit" });
        await scenario.ShouldHaveOpenTasksAsync();

        await scenario.RunDueWorkAsync();

        await scenario.ShouldHaveOpenTasksAsync("review");
        (await scenario.VariableAsync("score"))!.GetValue<string>().ShouldBe("risk:kermit");
        (await scenario.VariableAsync("checked"))!.GetValue<bool>().ShouldBeTrue();
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task ThrowingHandler_IsRetriedWithBackoff_ThenBecomesIncident()
    {
        var handler = new ScriptedHandler(_ => throw new TimeoutException("risk service did not answer"));
        await using var scenario = await Deploy(handler);
        await scenario.StartAsync("svc");

        await scenario.RunDueWorkAsync();
        handler.Calls.ShouldBe(1);
        var job = (await scenario.SnapshotAsync()).Jobs.ShouldHaveSingleItem();
        job.RetriesLeft.ShouldBe(2);
        job.DueAt.ShouldBe(Scenario.T0 + TimeSpan.FromSeconds(10));

        await scenario.AdvanceAsync(TimeSpan.FromSeconds(9));
        handler.Calls.ShouldBe(1);
        await scenario.AdvanceAsync(TimeSpan.FromSeconds(1));
        handler.Calls.ShouldBe(2);
        await scenario.AdvanceAsync(TimeSpan.FromSeconds(20));
        handler.Calls.ShouldBe(3);

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.Code.ShouldBe("ENGINE-HANDLER");
        incident.ElementId.ShouldBe("call");
        incident.Message.ShouldContain("risk service did not answer");
        await scenario.AdvanceAsync(TimeSpan.FromDays(1));
        handler.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task RetryIncident_RunsHandlerAgainWithFreshAttempts()
    {
        var fail = true;
        var handler = new ScriptedHandler(_ => fail ? throw new InvalidOperationException("down") : ServiceTaskResult.Empty);
        await using var scenario = await Deploy(handler);
        await scenario.StartAsync("svc");
        await scenario.AdvanceAsync(TimeSpan.FromMinutes(5));
        var incident = (await scenario.SnapshotAsync()).Incidents.Single();

        fail = false;
        await scenario.Engine.RetryIncidentAsync(incident.Id);
        await scenario.RunDueWorkAsync();

        await scenario.ShouldHaveOpenTasksAsync("review");
        (await scenario.SnapshotAsync()).Incidents.ShouldBeEmpty();
    }

    [Fact]
    public async Task BpmnError_IsCaughtByErrorBoundary_WithCodeAndMessageVariables()
    {
        await using var scenario = await Deploy(new ScriptedHandler(_ => throw new BpmnErrorException("REJECTED", "too risky")));
        await scenario.StartAsync("svc");

        await scenario.RunDueWorkAsync();

        await scenario.ShouldHaveOpenTasksAsync("handleRejection");
        (await scenario.VariableAsync("code"))!.GetValue<string>().ShouldBe("REJECTED");
        (await scenario.VariableAsync("why"))!.GetValue<string>().ShouldBe("too risky");
    }

    [Fact]
    public async Task MissingHandler_BecomesIncidentAtOnce_NamingTheType()
    {
        await using var scenario = await Scenario.DeployAsync(Model);
        await scenario.StartAsync("svc");

        await scenario.RunDueWorkAsync();

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.Code.ShouldBe("ENGINE-NO-HANDLER");
        incident.Message.ShouldContain("'score'");
    }

    [Fact]
    public async Task JobRunTwice_MovesTokenOnce()
    {
        var handler = new ScriptedHandler(_ => ServiceTaskResult.Empty);
        await using var scenario = await Deploy(handler);
        await scenario.StartAsync("svc");
        var job = (await scenario.SnapshotAsync()).Jobs.Single();

        (await scenario.Engine.RunJobAsync(job.Id)).ShouldBeTrue();
        (await scenario.Engine.RunJobAsync(job.Id)).ShouldBeFalse();

        (await scenario.OpenTaskRecordsAsync()).Count.ShouldBe(1);
        handler.Calls.ShouldBe(1);
    }

    private static Task<Scenario> Deploy(IServiceTaskHandler handler) =>
        Scenario.DeployAsync(TestStore.InMemory, services => services.AddSingleton(handler), Model);

    private sealed class ScriptedHandler(Func<ServiceTaskContext, ServiceTaskResult> run) : IServiceTaskHandler
    {
        public int Calls { get; private set; }

        public string Type => "score";

        public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(run(context));
        }
    }
}
