using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Ids and references: BPMN-010, 011, 020, 021, 022, 023.</summary>
public sealed class BpmnParserReferenceRulesTests
{
    [Fact]
    public void Parse_ReportsMissingId_WhenATaskHasNoId()
    {
        var xml = Process(Path("""<userTask name="Approve"/>"""));

        var result = Parse(xml);

        result.ShouldReport("BPMN-010", null, LineOf(xml, "<userTask"), ProblemSeverity.Error).Message.ShouldContain("<userTask> has no id");
    }

    [Fact]
    public void Parse_GivesTheFlowAnId_WhenASequenceFlowHasNone()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow sourceRef="start" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var flow = Parse(xml).ShouldBeClean().Processes[0].SequenceFlows.ShouldHaveSingleItem();

        flow.Id.ShouldNotBeNullOrEmpty();
        flow.Line.ShouldBe(LineOf(xml, "<sequenceFlow"));
    }

    [Fact]
    public void Parse_ReportsDuplicateIdAtTheSecondUse_WhenTwoElementsShareAnId()
    {
        var xml = Process(Path("""
            <userTask id="review" name="First"/>
            <userTask id="review" name="Second"/>
            """, "review"));

        var problem = Parse(xml).ShouldReport("BPMN-011", "review", LineOf(xml, "name=\"Second\""), ProblemSeverity.Error);

        problem.Message.ShouldContain($"lines {LineOf(xml, "name=\"First\"")}, {problem.Line}");
    }

    [Fact]
    public void Parse_ReportsDanglingReference_WhenAFlowLeadsToNoElement()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="toNowhere" sourceRef="start" targetRef="nowhere"/>
            """);

        var problem = Parse(xml).ShouldReport("BPMN-020", "toNowhere", LineOfId(xml, "toNowhere"), ProblemSeverity.Error);

        problem.Message.ShouldContain("targetRef=\"nowhere\"");
    }

    [Fact]
    public void Parse_ReportsDanglingReferenceAndListsTheDeclared_WhenAnEventNamesAnUndeclaredMessage()
    {
        var xml = Process(Path("""
            <intermediateCatchEvent id="waitForAnswer"><messageEventDefinition messageRef="tns:answr"/></intermediateCatchEvent>
            """, "waitForAnswer"), rootElements: """<message id="answer" name="answer"/>""");

        var problem = Parse(xml).ShouldReport("BPMN-020", "waitForAnswer", LineOf(xml, "<messageEventDefinition"), ProblemSeverity.Error);

        problem.Message.ShouldContain("messageRef=\"answr\"");
        problem.Message.ShouldContain("(declared: answer)");
    }

    [Fact]
    public void Parse_ReportsDanglingReference_WhenACatchingMessageEventNamesNoMessage()
    {
        var xml = Process(Path("""<intermediateCatchEvent id="wait"><messageEventDefinition/></intermediateCatchEvent>""", "wait"));

        Parse(xml).ShouldReport("BPMN-020", "wait", LineOf(xml, "<messageEventDefinition"), ProblemSeverity.Error);
    }

    [Fact]
    public void Parse_ReportsDanglingReference_WhenABoundaryEventIsAttachedToNoElement()
    {
        var xml = Process(Path("""
            <userTask id="task"/>
            <boundaryEvent id="late" attachedToRef="taks"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            """, "task"));

        Parse(xml).ShouldReport("BPMN-020", "late", LineOfId(xml, "late"), ProblemSeverity.Error).Message.ShouldContain("attachedToRef=\"taks\"");
    }

    [Fact]
    public void Parse_ReportsDanglingReference_WhenALaneListsNoElement()
    {
        var xml = Process(Path("""
            <laneSet id="lanes"><lane id="clerks"><flowNodeRef>start</flowNodeRef><flowNodeRef>gone</flowNodeRef></lane></laneSet>
            """));

        Parse(xml).ShouldReport("BPMN-020", "clerks", LineOfId(xml, "clerks"), ProblemSeverity.Error).Message.ShouldContain("'gone'");
    }

    [Fact]
    public void Parse_ReportsFlowLeavesScope_WhenAFlowEntersASubProcess()
    {
        var xml = Process(Path("""
            <subProcess id="sub">
              <startEvent id="subStart"/>
              <sequenceFlow id="inside" sourceRef="subStart" targetRef="subTask"/>
              <userTask id="subTask"/>
            </subProcess>
            <sequenceFlow id="shortcut" sourceRef="start" targetRef="subTask"/>
            """, "sub"));

        var problem = Parse(xml).ShouldReport("BPMN-021", "shortcut", LineOfId(xml, "shortcut"), ProblemSeverity.Error);

        problem.Message.ShouldContain("lies in 'process' but its targetRef 'subTask' lies in 'sub'");
    }

    [Theory]
    [InlineData("""<boundaryEvent id="late" attachedToRef="task" cancelActivity="maybe"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>""", "late", "cancelActivity=\"maybe\"")]
    [InlineData("""<boundaryEvent id="late" attachedToRef="task" camunda:asyncBefore="yes"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>""", "late", "camunda:asyncBefore=\"yes\"")]
    public void Parse_ReportsInvalidValue_WhenAFlagIsNeitherTrueNorFalse(string boundary, string id, string echoed)
    {
        var xml = Process(Path($"""<userTask id="task"/>{"\n"}{boundary}""", "task"));

        Parse(xml).ShouldReport("BPMN-022", id, LineOfId(xml, id), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Theory]
    [InlineData("""camunda:calledElementBinding="newest" """, "camunda:calledElementBinding=\"newest\"")]
    [InlineData("""camunda:calledElementBinding="version" camunda:calledElementVersion="two" """, "camunda:calledElementVersion is 'two'")]
    public void Parse_ReportsInvalidValue_WhenACallActivityBindsToAnUnknownVersion(string attributes, string echoed)
    {
        var xml = Process(Path($"""<callActivity id="call" calledElement="other" {attributes}/>""", "call"));

        Parse(xml).ShouldReport("BPMN-022", "call", LineOfId(xml, "call"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsInvalidValue_WhenAnInMappingHasNoTarget()
    {
        var xml = Process(Path("""
            <callActivity id="call" calledElement="other">
              <extensionElements><camunda:in source="amount"/></extensionElements>
            </callActivity>
            """, "call"));

        Parse(xml).ShouldReport("BPMN-022", "call", LineOf(xml, "<camunda:in"), ProblemSeverity.Error).Message.ShouldContain("needs source (or sourceExpression) and target");
    }

    [Fact]
    public void Parse_ReportsInvalidValue_WhenAMultiInstanceNamesAnElementVariableButNoCollection()
    {
        var xml = Process(Path("""
            <userTask id="review"><multiInstanceLoopCharacteristics camunda:elementVariable="reviewer"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            """, "review"));

        Parse(xml).ShouldReport("BPMN-022", "review", LineOf(xml, "<multiInstanceLoopCharacteristics"), ProblemSeverity.Error).Message.ShouldContain("'reviewer'");
    }

    [Fact]
    public void Parse_ReportsMissingNameAtTheEvent_WhenTheMessageItUsesHasNoName()
    {
        var xml = Process(Path("""
            <intermediateCatchEvent id="waitForAnswer"><messageEventDefinition messageRef="answer"/></intermediateCatchEvent>
            """, "waitForAnswer"), rootElements: """<message id="answer"/>""");

        var problem = Parse(xml).ShouldReport("BPMN-023", "waitForAnswer", LineOf(xml, "<messageEventDefinition"), ProblemSeverity.Error);

        problem.Message.ShouldContain("matched by name");
    }

    [Fact]
    public void Parse_ReportsNothing_WhenAMessageWithoutANameIsUsedByNoEvent()
    {
        Parse(Process(Path(""), rootElements: """<message id="unused"/>""")).ShouldBeClean();
    }

    [Fact]
    public void Parse_ReportsMissingName_WhenALinkHasNoName()
    {
        var xml = Process(Path("""<intermediateThrowEvent id="jump"><linkEventDefinition/></intermediateThrowEvent>""", "jump"));

        Parse(xml).ShouldReport("BPMN-023", "jump", LineOf(xml, "<linkEventDefinition"), ProblemSeverity.Error);
    }

    [Fact]
    public void Parse_ReportsMissingName_WhenAnInputParameterHasNoName()
    {
        var xml = Process(Path("""
            <userTask id="task">
              <extensionElements><camunda:inputOutput><camunda:inputParameter>${amount}</camunda:inputParameter></camunda:inputOutput></extensionElements>
            </userTask>
            """, "task"));

        Parse(xml).ShouldReport("BPMN-023", "task", LineOf(xml, "<camunda:inputParameter"), ProblemSeverity.Error);
    }
}
