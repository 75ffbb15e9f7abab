using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Valid tasks, subprocesses, call activities and multi-instance activities parse into the right model objects.</summary>
public sealed class BpmnParserActivityModelTests
{
    [Fact]
    public void Parse_ReadsEveryCamundaAttributeOfAUserTask()
    {
        var xml = Process(Path("""
            <userTask id="approve" name="Approve the claim"
                      camunda:assignee="${claim.manager}" camunda:candidateUsers="li.wei, zhang.min"
                      camunda:candidateGroups="office,discipline" camunda:dueDate="${dueAt}"
                      camunda:followUpDate="2027-01-05T09:00:00" camunda:formKey="forms/approve.form" camunda:priority="80"/>
            """, "approve"));

        var task = Parse(xml).ShouldBeClean().Node<UserTask>("approve");

        task.Name.ShouldBe("Approve the claim");
        task.Line.ShouldBe(LineOfId(xml, "approve"));
        task.Assignee!.IsSingleScript.ShouldBeTrue();
        task.Assignee.Source.ShouldBe("${claim.manager}");
        task.CandidateUsers!.IsLiteral.ShouldBeTrue();
        task.CandidateUsers.Source.ShouldBe("li.wei, zhang.min");
        task.CandidateGroups!.Source.ShouldBe("office,discipline");
        task.DueDate!.IsSingleScript.ShouldBeTrue();
        task.FollowUpDate!.Source.ShouldBe("2027-01-05T09:00:00");
        task.FormKey.ShouldBe("forms/approve.form");
        task.Priority!.Source.ShouldBe("80");
    }

    [Fact]
    public void Parse_ReadsTheHandlerKeyOfServiceAndSendTasks()
    {
        var xml = Process(Path("""
            <serviceTask id="archive" camunda:type="archive" camunda:resultVariable="archivedAt"/>
            <serviceTask id="score" camunda:type="external" camunda:topic="credit-score"/>
            <sendTask id="notify" camunda:type="mail"/>
            """, "archive", "score", "notify"));

        var model = Parse(xml).ShouldBeClean();

        model.Node<ServiceTask>("archive").ShouldSatisfyAllConditions(
            t => t.Type.ShouldBe("archive"), t => t.IsExternal.ShouldBeFalse(), t => t.ResultVariable.ShouldBe("archivedAt"));
        model.Node<ServiceTask>("score").ShouldSatisfyAllConditions(t => t.Type.ShouldBe("credit-score"), t => t.IsExternal.ShouldBeTrue());
        model.Node<SendTask>("notify").ShouldSatisfyAllConditions(t => t.Type.ShouldBe("mail"), t => t.Message.ShouldBeNull());
    }

    [Fact]
    public void Parse_ReadsReceiveScriptManualAndPlainTasks()
    {
        var xml = Process(Path("""
            <receiveTask id="waitForAnswer" messageRef="answer"/>
            <receiveTask id="waitForCall"/>
            <scriptTask id="total" scriptFormat="JavaScript" camunda:resultVariable="sum"><script>items.reduce((a, b) => a + b.amount, 0)</script></scriptTask>
            <manualTask id="sign"/>
            <task id="note"/>
            """, "waitForAnswer", "waitForCall", "total", "sign", "note"), rootElements: """<message id="answer" name="answer"/>""");

        var model = Parse(xml).ShouldBeClean();

        model.Node<ReceiveTask>("waitForAnswer").Message!.Name.ShouldBe("answer");
        model.Node<ReceiveTask>("waitForCall").Message.ShouldBeNull();
        model.Node<ScriptTask>("total").ShouldSatisfyAllConditions(
            t => t.Script.ShouldBe("items.reduce((a, b) => a + b.amount, 0)"), t => t.ResultVariable.ShouldBe("sum"));
        model.Node<ManualTask>("sign");
        model.Node<AbstractTask>("note");
    }

    [Fact]
    public void Parse_ReadsAsyncFlags_WhenTheCamundaOrOlderActivitiAttributesAreSet()
    {
        var xml = Process(Path("""
            <serviceTask id="before" camunda:type="mail" camunda:asyncBefore="true"/>
            <serviceTask id="after" camunda:type="mail" camunda:asyncAfter="true"/>
            <serviceTask id="old" camunda:type="mail" camunda:async="true"/>
            <serviceTask id="plain" camunda:type="mail"/>
            """, "before", "after", "old", "plain"));

        var model = Parse(xml).ShouldBeClean();

        new[] { "before", "after", "old", "plain" }.Select(id => (model.Node<ServiceTask>(id).AsyncBefore, model.Node<ServiceTask>(id).AsyncAfter))
            .ShouldBe([(true, false), (false, true), (true, false), (false, false)]);
    }

    [Fact]
    public void Parse_BuildsNestedScopes_WhenSubProcessesAndEventSubProcessesAreNested()
    {
        var xml = Process(Path("""
            <subProcess id="outer">
              <startEvent id="outerStart"/>
              <sequenceFlow id="o1" sourceRef="outerStart" targetRef="inner"/>
              <subProcess id="inner">
                <startEvent id="innerStart"/>
                <sequenceFlow id="i1" sourceRef="innerStart" targetRef="innerEnd"/>
                <endEvent id="innerEnd"/>
              </subProcess>
              <sequenceFlow id="o2" sourceRef="inner" targetRef="outerEnd"/>
              <endEvent id="outerEnd"/>
              <subProcess id="onTimeout" triggeredByEvent="true">
                <startEvent id="timeoutStart"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></startEvent>
                <sequenceFlow id="t1" sourceRef="timeoutStart" targetRef="timeoutEnd"/>
                <endEvent id="timeoutEnd"/>
              </subProcess>
            </subProcess>
            """, "outer"));

        var model = Parse(xml).ShouldBeClean();
        var process = model.Processes[0];
        var outer = model.Node<SubProcess>("outer");
        var inner = model.Node<SubProcess>("inner");
        var onTimeout = model.Node<SubProcess>("onTimeout");

        outer.Scope.ShouldBe(process);
        outer.ParentScope.ShouldBe(process);
        outer.FlowNodes.Select(n => n.Id).ShouldBe(["outerStart", "inner", "outerEnd"]);
        outer.SequenceFlows.Select(f => f.Id).ShouldBe(["o1", "o2"]);
        outer.EventSubProcesses.ShouldBe([onTimeout]);
        outer.StartEvents.Select(s => s.Id).ShouldBe(["outerStart"]);
        inner.Scope.ShouldBe(outer);
        model.Node<EndEvent>("innerEnd").Scope.ShouldBe(inner);
        onTimeout.IsEventSubProcess.ShouldBeTrue();
        onTimeout.Scope.ShouldBe(outer);
        model.Flow("t1").Scope.ShouldBe(onTimeout);
        process.AllFlowNodes.Count().ShouldBe(11);
    }

    [Fact]
    public void Parse_ReadsTheCallAndItsVariables_WhenACallActivityMapsInAndOut()
    {
        var xml = Process(Path("""
            <callActivity id="rectify" calledElement="${subject.process}" camunda:calledElementBinding="version" camunda:calledElementVersion="3">
              <extensionElements>
                <camunda:in businessKey="${execution.businessKey}"/>
                <camunda:in source="finding" target="issue"/>
                <camunda:in sourceExpression="${deadline + 1}" target="dueAt" local="true"/>
                <camunda:in variables="all"/>
                <camunda:out source="closedAt" target="rectifiedAt"/>
                <camunda:out variables="all" local="true"/>
              </extensionElements>
            </callActivity>
            """, "rectify"));

        var call = Parse(xml).ShouldBeClean().Node<CallActivity>("rectify");

        call.CalledElement!.IsSingleScript.ShouldBeTrue();
        call.Binding.ShouldBe(CalledVersionBinding.Version);
        call.Version.ShouldBe(3);
        call.BusinessKey!.Source.ShouldBe("${execution.businessKey}");
        call.Inputs.Select(i => (i.Source, i.SourceExpression?.Source, i.Target, i.AllVariables, i.Local)).ShouldBe(
        [
            ("finding", null, "issue", false, false),
            (null, "${deadline + 1}", "dueAt", false, true),
            (null, null, null, true, false),
        ]);
        call.Outputs.Select(o => (o.Source, o.Target, o.AllVariables, o.Local)).ShouldBe([("closedAt", "rectifiedAt", false, false), (null, null, true, true)]);
    }

    [Theory]
    [InlineData("", CalledVersionBinding.Latest, null)]
    [InlineData("""camunda:calledElementBinding="deployment" """, CalledVersionBinding.Deployment, null)]
    [InlineData("""camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="2027" """, CalledVersionBinding.VersionTag, "2027")]
    public void Parse_ReadsTheVersionBindingOfACallActivity(string attributes, CalledVersionBinding binding, string? versionTag)
    {
        var xml = Process(Path($"""<callActivity id="call" calledElement="talk" {attributes}/>""", "call"));

        var call = Parse(xml).ShouldBeClean().Node<CallActivity>("call");

        call.CalledElement!.Source.ShouldBe("talk");
        call.Binding.ShouldBe(binding);
        call.Version.ShouldBeNull();
        call.VersionTag.ShouldBe(versionTag);
    }

    [Fact]
    public void Parse_ReadsParallelMultiInstance_WhenItRunsOverACollection()
    {
        var xml = Process(Path("""
            <userTask id="claim" camunda:assignee="${subject}">
              <multiInstanceLoopCharacteristics camunda:collection="${subjects}" camunda:elementVariable="subject">
                <completionCondition xsi:type="tFormalExpression">${nrOfCompletedInstances / nrOfInstances >= 0.6}</completionCondition>
              </multiInstanceLoopCharacteristics>
            </userTask>
            """, "claim"));

        var loop = Parse(xml).ShouldBeClean().Node<UserTask>("claim").MultiInstance!;

        loop.IsSequential.ShouldBeFalse();
        loop.Collection!.Source.ShouldBe("${subjects}");
        loop.ElementVariable.ShouldBe("subject");
        loop.CompletionCondition!.IsSingleScript.ShouldBeTrue();
        loop.LoopCardinality.ShouldBeNull();
    }

    [Fact]
    public void Parse_ReadsSequentialMultiInstance_WhenItRunsANumberOfTimes()
    {
        var xml = Process(Path("""
            <userTask id="remind"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>${rounds}</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            """, "remind"));

        var loop = Parse(xml).ShouldBeClean().Node<UserTask>("remind").MultiInstance!;

        loop.IsSequential.ShouldBeTrue();
        loop.LoopCardinality!.Source.ShouldBe("${rounds}");
        loop.Collection.ShouldBeNull();
    }

    [Fact]
    public void Parse_ReadsTheSpecsLoopDataInputRefAndInputDataItem_AsCamundaDoes()
    {
        var xml = Process(Path("""
            <userTask id="claim">
              <multiInstanceLoopCharacteristics>
                <loopDataInputRef>subjects</loopDataInputRef>
                <inputDataItem name="subject"/>
              </multiInstanceLoopCharacteristics>
            </userTask>
            """, "claim"));

        var loop = Parse(xml).ShouldBeClean().Node<UserTask>("claim").MultiInstance!;

        loop.Collection!.Source.ShouldBe("subjects");
        loop.ElementVariable.ShouldBe("subject");
    }
}
