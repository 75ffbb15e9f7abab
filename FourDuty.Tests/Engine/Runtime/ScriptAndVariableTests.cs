using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Tests.Engine.Runtime;

public sealed class ScriptAndVariableTests
{
    [Fact]
    public async Task ScriptTask_SetsVariablesAndResult_WithJsonTypes()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="compute"/>
            <scriptTask id="compute" scriptFormat="javascript" camunda:resultVariable="total">
              <script>execution.setVariable("items", [1, 2, 3]); execution.setVariable("when", new Date(Date.UTC(2026, 0, 5))); execution.setVariable("who", { name: "kermit", level: 2 }); items.reduce((a, b) => a + b, base)</script>
            </scriptTask>
            <sequenceFlow id="f2" sourceRef="compute" targetRef="wait"/>
            <userTask id="wait"/>
            """));

        await scenario.StartAsync("p", new { items = new[] { 1, 2, 3 }, @base = 10 });

        (await scenario.VariableAsync("total"))!.GetValue<double>().ShouldBe(16);
        (await scenario.VariableAsync("who"))!["name"]!.GetValue<string>().ShouldBe("kermit");
        var when = (await scenario.SnapshotAsync()).Variables.Single(v => v.Name == "when");
        when.Type.ShouldBe(VariableType.Date);
        when.Json.ShouldContain("2026-01-05T00:00:00");
    }

    [Fact]
    public async Task Expression_ReadsWhereItRuns_FromExecution()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="compute"/>
            <scriptTask id="compute" scriptFormat="javascript" camunda:resultVariable="fromScript">
              <script>execution.processInstanceId + "|" + execution.processBusinessKey</script>
            </scriptTask>
            <sequenceFlow id="f2" sourceRef="compute" targetRef="wait"/>
            <userTask id="wait">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="where">${execution.processInstanceId + "|" + execution.processBusinessKey + "|" + execution.processDefinitionKey + "|" + execution.currentActivityId}</camunda:inputParameter>
                  <camunda:outputParameter name="fromTask">${where}</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            """));

        var instance = await scenario.StartAsync("p", businessKey: "office-2026");
        await scenario.CompleteAsync("wait");

        (await scenario.VariableAsync("fromScript"))!.GetValue<string>().ShouldBe($"{instance}|office-2026");
        (await scenario.VariableAsync("fromTask"))!.GetValue<string>().ShouldBe($"{instance}|office-2026|p|wait");
    }

    [Fact]
    public async Task Expression_ReadsAVariableNamedExecution_BeforeWhereItRuns()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <userTask id="wait" camunda:assignee="${execution.processInstanceId}"/>
            """));

        await scenario.StartAsync("p", new { execution = new { processInstanceId = "kermit" } });

        (await scenario.OpenTaskRecordsAsync()).Single().Assignee.ShouldBe("kermit");
    }

    [Theory]
    [InlineData("while (true) {}", "too many statements")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    [InlineData("function f() { return f(); } f()", "recursed deeper")]
    [InlineData("eval('1+1')", "")]
    public async Task ScriptTask_SandboxStopsScript_AsIncident(string script, string reason)
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", $"""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
            <scriptTask id="run" scriptFormat="javascript"><script>{script}</script></scriptTask>
            """));

        await scenario.StartAsync("p");

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("run");
        incident.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task InputOutputMapping_LocalsStayInsideAndOutputsComeOut()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <userTask id="review" camunda:assignee="${reviewer}">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="reviewer">${owner + "-deputy"}</camunda:inputParameter>
                  <camunda:inputParameter name="limits"><camunda:list><camunda:value>10</camunda:value><camunda:value>${cap}</camunda:value></camunda:list></camunda:inputParameter>
                  <camunda:outputParameter name="decision">${verdict == "ok" ? "approved" : "rejected"}</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            <sequenceFlow id="f2" sourceRef="review" targetRef="next"/>
            <userTask id="next"/>
            """));
        await scenario.StartAsync("p", new { owner = "kermit", cap = 99 });

        var task = (await scenario.OpenTaskRecordsAsync()).Single();
        task.Assignee.ShouldBe("kermit-deputy");
        (await scenario.HasVariableAsync("reviewer")).ShouldBeFalse();

        await scenario.CompleteAsync("review", new { verdict = "ok" });

        (await scenario.VariableAsync("decision"))!.GetValue<string>().ShouldBe("approved");
        (await scenario.HasVariableAsync("reviewer")).ShouldBeFalse();
        (await scenario.SnapshotAsync()).Scopes.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TerminateEndEvent_EndsEveryPathOfTheProcess()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="slow"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="fast"/>
            <userTask id="slow"/>
            <userTask id="fast"/>
            <sequenceFlow id="f4" sourceRef="fast" targetRef="stop"/>
            <endEvent id="stop"><terminateEventDefinition/></endEvent>
            """));
        await scenario.StartAsync("p");

        await scenario.CompleteAsync("fast");

        (await scenario.IsEndedAsync()).ShouldBeTrue();
        (await scenario.SnapshotAsync()).Instance.Status.ShouldBe(InstanceStatus.Completed);
        (await scenario.Queries.ListTasksAsync(new(Status: UserTaskStatus.Cancelled))).Single().ElementId.ShouldBe("slow");
    }

    [Fact]
    public async Task TerminateInSubprocess_EndsOnlyTheSubprocess()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
            <subProcess id="sub">
              <startEvent id="s"/>
              <sequenceFlow id="s1" sourceRef="s" targetRef="fork"/>
              <parallelGateway id="fork"/>
              <sequenceFlow id="s2" sourceRef="fork" targetRef="a"/>
              <sequenceFlow id="s3" sourceRef="fork" targetRef="stop"/>
              <userTask id="a"/>
              <endEvent id="stop"><terminateEventDefinition/></endEvent>
            </subProcess>
            <sequenceFlow id="f2" sourceRef="sub" targetRef="after"/>
            <userTask id="after"/>
            """));

        await scenario.StartAsync("p");

        await scenario.ShouldHaveOpenTasksAsync("after");
    }

    [Fact]
    public async Task LinkEvents_JumpFromThrowToCatch()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="jump"/>
            <intermediateThrowEvent id="jump"><linkEventDefinition name="page2"/></intermediateThrowEvent>
            <intermediateCatchEvent id="land"><linkEventDefinition name="page2"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="land" targetRef="there"/>
            <userTask id="there"/>
            """));

        await scenario.StartAsync("p");

        await scenario.ShouldHaveOpenTasksAsync("there");
    }

    // start → review (a user task) → end: the process whose history the history tests read.
    private static readonly string ReviewProcess = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <userTask id="review"/>
        <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        <endEvent id="end"/>
        """);

    [Fact]
    public async Task History_RecordsEachStepInOrder()
    {
        await using var scenario = await Scenario.DeployAsync(ReviewProcess);
        await scenario.StartAsync("p", new { a = 1 });
        await scenario.CompleteAsync("review", new { verdict = "ok" });

        var history = await scenario.Queries.GetHistoryAsync(scenario.Instance);

        history.Select(h => (h.Type, h.ElementId)).ShouldBe([
            (HistoryEventType.InstanceStarted, "start"),
            (HistoryEventType.VariablesChanged, null),
            (HistoryEventType.ElementEntered, "start"),
            (HistoryEventType.ElementLeft, "start"),
            (HistoryEventType.FlowTaken, "f1"),
            (HistoryEventType.ElementEntered, "review"),
            (HistoryEventType.TaskCreated, "review"),
            (HistoryEventType.TaskCompleted, "review"),
            (HistoryEventType.VariablesChanged, "review"),
            (HistoryEventType.ElementLeft, "review"),
            (HistoryEventType.FlowTaken, "f2"),
            (HistoryEventType.ElementEntered, "end"),
            (HistoryEventType.ElementLeft, "end"),
            (HistoryEventType.InstanceCompleted, null),
        ]);
        history.Single(h => h.Type == HistoryEventType.TaskCompleted).Details!.ShouldContain("tester");
    }

    [Theory]
    [InlineData(HistoryLevel.None, "")]
    [InlineData(HistoryLevel.Activity, "InstanceStarted start, ElementEntered start, ElementLeft start, ElementEntered review, TaskCreated review, TaskCompleted review, ElementLeft review, ElementEntered end, ElementLeft end, InstanceCompleted")]
    [InlineData(HistoryLevel.Audit, "InstanceStarted start, VariablesChanged, ElementEntered start, ElementLeft start, ElementEntered review, TaskCreated review, TaskCompleted review, VariablesChanged review, ElementLeft review, ElementEntered end, ElementLeft end, InstanceCompleted")]
    public async Task History_KeepsWhatItsLevelKeeps_AndTheInstanceRunsTheSame(HistoryLevel level, string expected)
    {
        await using var scenario = await Scenario.DeployAsync(TestStore.InMemory,
            services => ((EngineOptions)services.Single(d => d.ServiceType == typeof(EngineOptions)).ImplementationInstance!).History = level,
            ReviewProcess);
        await scenario.StartAsync("p", new { a = 1 });
        await scenario.CompleteAsync("review", new { verdict = "ok" });

        var history = await scenario.Queries.GetHistoryAsync(scenario.Instance);
        string.Join(", ", history.Select(h => $"{h.Type} {h.ElementId}".Trim())).ShouldBe(expected);
        var instance = (await scenario.Queries.GetInstanceAsync(scenario.Instance)).ShouldNotBeNull();
        instance.Instance.Status.ShouldBe(InstanceStatus.Completed);
        instance.Variables.Select(v => v.Name).ShouldBe(["a", "verdict"], ignoreOrder: true);
    }
}
