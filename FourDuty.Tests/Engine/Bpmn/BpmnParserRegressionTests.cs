using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Bugs found while testing the parser, each pinned by the smallest model that showed it.</summary>
public sealed class BpmnParserRegressionTests
{
    // Found by the mutation fuzz test: reading the lane set walked up to the process before the subprocess knew its parent.
    [Fact]
    public void Parse_ReadsTheLanesOfASubProcess_WhenTheSubProcessHasALaneSet()
    {
        var xml = Process(Path("""
            <subProcess id="sub">
              <laneSet id="laneSet"><lane id="clerks"><flowNodeRef>subStart</flowNodeRef></lane></laneSet>
              <startEvent id="subStart"/>
              <sequenceFlow id="inside" sourceRef="subStart" targetRef="subEnd"/>
              <endEvent id="subEnd"/>
            </subProcess>
            """, "sub"));

        var process = Parse(xml).ShouldBeClean().Processes.Single();

        process.Lanes.Select(l => l.Id).ShouldBe(["clerks"]);
        process.AllFlowNodes.Single(n => n.Id == "subStart").Lane.ShouldBe(process.Lanes[0]);
    }

    // Found by the mutation fuzz test: the event was reported but stayed in the model, attached to nothing.
    [Fact]
    public void Parse_LeavesTheBoundaryEventOutOfTheModel_WhenItHasNoAttachedToRef()
    {
        var xml = Process(Path("""
            <userTask id="task"/>
            <boundaryEvent id="late"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            """, "task"));

        var result = Parse(xml);

        result.ShouldReport("BPMN-050", "late", LineOfId(xml, "late"), ProblemSeverity.Error);
        result.Model!.Processes[0].AllFlowNodes.ShouldNotContain(n => n.Id == "late");
    }

    // Found by the mutation fuzz test: only the first flow of each id was checked for a missing end, and the
    // validator then met a flow without a target.
    [Fact]
    public void Parse_LeavesEveryFlowWithoutAnEndOutOfTheModel_WhenTwoFlowsShareAnId()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="flow" sourceRef="start" targetRef="end"/>
            <sequenceFlow id="flow" sourceRef="start"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.ShouldReport("BPMN-011", "flow", LineOf(xml, "<sequenceFlow id=\"flow\" sourceRef=\"start\"/>"), ProblemSeverity.Error);
        result.ShouldReport("BPMN-020", "flow", LineOf(xml, "<sequenceFlow id=\"flow\" sourceRef=\"start\"/>"), ProblemSeverity.Error);
        result.Model!.Processes[0].SequenceFlows.ShouldHaveSingleItem().Target.Id.ShouldBe("end");
    }

    // Found in MIWG B.2.0: a conditional start event (reported as unsupported) was then counted as a second plain start.
    [Fact]
    public void Parse_ReportsOnlyTheUnsupportedTrigger_WhenASecondStartEventHasOne()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <startEvent id="whenReady"><conditionalEventDefinition><condition>${ready}</condition></conditionalEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
            <sequenceFlow id="f2" sourceRef="whenReady" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-080"]);
        result.ShouldReport("BPMN-080", "whenReady", LineOf(xml, "<conditionalEventDefinition>"), ProblemSeverity.Error);
    }

    // Found in MIWG B.2.0, C.1.0 and C.6.0: a timer catch with an empty value after an event-based gateway was also
    // said not to wait for an event.
    [Fact]
    public void Parse_ReportsOnlyTheTimer_WhenAnEventAfterAnEventBasedGatewayHasAnInvalidTimer()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="s1" sourceRef="start" targetRef="gateway"/>
            <eventBasedGateway id="gateway"/>
            <sequenceFlow id="g1" sourceRef="gateway" targetRef="timeout"/>
            <sequenceFlow id="g2" sourceRef="gateway" targetRef="answer"/>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration></timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="answer"><messageEventDefinition messageRef="answerMessage"/></intermediateCatchEvent>
            <sequenceFlow id="t1" sourceRef="timeout" targetRef="end"/>
            <sequenceFlow id="a1" sourceRef="answer" targetRef="end"/>
            <endEvent id="end"/>
            """, rootElements: """<message id="answerMessage" name="answer"/>""");

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-060"]);
        result.ShouldReport("BPMN-060", "timeout", LineOf(xml, "<timeDuration>"), ProblemSeverity.Error);
    }

    // Found in MIWG B.2.0: the loop characteristics of a subprocess were read, and also warned about as an unknown element.
    [Fact]
    public void Parse_ReadsTheMultiInstanceOfASubProcessWithoutWarning()
    {
        var xml = Process(Path("""
            <subProcess id="perBranch">
              <multiInstanceLoopCharacteristics camunda:collection="${branches}" camunda:elementVariable="branch"/>
              <startEvent id="subStart"/>
              <sequenceFlow id="inside" sourceRef="subStart" targetRef="subEnd"/>
              <endEvent id="subEnd"/>
            </subProcess>
            """, "perBranch"));

        var subProcess = (SubProcess)Parse(xml).ShouldBeClean().Processes[0].FlowNodes.Single(n => n.Id == "perBranch");

        subProcess.MultiInstance!.ElementVariable.ShouldBe("branch");
    }

    // Found in MIWG C.1.0 and C.3.0: a potentialOwner on a user task was ignored without a word, though the designer
    // means it to assign the task; the same for data associations and an ioSpecification on a task.
    [Fact]
    public void Parse_WarnsAboutResourceRolesAndDataAssociations_WhenATaskHasThem()
    {
        var xml = Process(Path("""
            <userTask id="approve" camunda:candidateGroups="managers">
              <ioSpecification><dataInput id="input"/><inputSet><dataInputRefs>input</dataInputRefs></inputSet><outputSet/></ioSpecification>
              <dataInputAssociation id="readInvoice"><targetRef>input</targetRef></dataInputAssociation>
              <potentialOwner id="owner"><resourceAssignmentExpression><formalExpression>group(managers)</formalExpression></resourceAssignmentExpression></potentialOwner>
            </userTask>
            """, "approve"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-082", "BPMN-082", "BPMN-082"]);
        result.ShouldReport("BPMN-082", "approve", LineOf(xml, "<ioSpecification>"), ProblemSeverity.Warning);
        result.ShouldReport("BPMN-082", "readInvoice", LineOfId(xml, "readInvoice"), ProblemSeverity.Warning);
        result.ShouldReport("BPMN-082", "owner", LineOfId(xml, "owner"), ProblemSeverity.Warning).Message.ShouldContain("camunda:assignee");
    }

    // Found in MIWG C.3.0: startQuantity="2" (start only when two tokens have arrived) was run as if it were 1.
    [Fact]
    public void Parse_RefusesStartAndCompletionQuantities_WhenOtherThanOne()
    {
        var xml = Process(Path("""<task id="check" startQuantity="2" completionQuantity="1"/>""", "check"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-081"]);
        result.ShouldReport("BPMN-081", "check", LineOfId(xml, "check"), ProblemSeverity.Error).Message.ShouldContain("startQuantity=\"2\"");
    }

    // Found while checking that every message names its element: these named only the reference.
    [Fact]
    public void Parse_NamesTheTaskAndTheDataObject_WhenTheyAreReported()
    {
        var xml = Process(Path("""
            <dataObject id="invoice"/>
            <receiveTask id="waitForAnswer" messageRef="answer"/>
            """, "waitForAnswer"));

        var result = Parse(xml);

        result.ShouldReport("BPMN-082", "invoice", LineOfId(xml, "invoice"), ProblemSeverity.Warning);
        result.ShouldReport("BPMN-020", "waitForAnswer", LineOfId(xml, "waitForAnswer"), ProblemSeverity.Error);
    }

    // Found in MIWG C.1.1 and C.3.0: a plain condition in a file whose expressionLanguage is XPath was reported as
    // "plain text, write it as ${...}" instead of as the XPath it is.
    [Fact]
    public void Parse_SaysTheConditionIsInTheFilesLanguage_WhenPlainTextInAFileOfXPathExpressions()
    {
        var xml = XPathFile(GatewayWithCondition("not(bpmn:getDataObject('approved'))"));

        var problem = Parse(xml).ShouldReport("BPMN-081", "yes", LineOf(xml, "<conditionExpression"), ProblemSeverity.Error);

        problem.Message.ShouldContain("'http://www.w3.org/1999/XPath', the expressionLanguage of this file");
    }

    // As Camunda does (MIWG C.1.0 declares XPath and writes ${...}).
    [Fact]
    public void Parse_ReadsDollarConditionsAsJavaScript_WhenTheFileDeclaresAnotherExpressionLanguage()
    {
        var model = Parse(XPathFile(GatewayWithCondition("${approved}"))).ShouldBeClean();

        model.Processes[0].SequenceFlows.Single(f => f.Id == "yes").Condition!.IsSingleScript.ShouldBeTrue();
    }

    // Found by the rule tests: a Groovy script was reported as Groovy, and then again as broken JavaScript.
    [Fact]
    public void Parse_ReportsOnlyTheLanguage_WhenAScriptIsNotJavaScript()
    {
        var xml = Process(Path("""<scriptTask id="greet" scriptFormat="groovy"><script>println "hello"</script></scriptTask>""", "greet"));

        Parse(xml).Codes().ShouldBe(["BPMN-081"]);
    }

    // Found by the rule tests: "cannot be a error event".
    [Fact]
    public void Parse_WritesAnBeforeErrorAndEscalation_WhenATriggerIsNotAllowed()
    {
        var xml = Process(Path("""<intermediateThrowEvent id="oops"><errorEventDefinition errorRef="failed"/></intermediateThrowEvent>""", "oops"),
            rootElements: """<error id="failed" errorCode="FAILED"/>""");

        Parse(xml).ShouldReport("BPMN-051", "oops", LineOfId(xml, "oops"), ProblemSeverity.Error).Message.ShouldContain("cannot be an error event");
    }

    private static string XPathFile(string body) =>
        Process(body).Replace("id=\"definitions\"", "id=\"definitions\" expressionLanguage=\"http://www.w3.org/1999/XPath\"", StringComparison.Ordinal);

    private static string GatewayWithCondition(string condition) => $"""
        <startEvent id="start"/>
        <sequenceFlow id="in" sourceRef="start" targetRef="approved"/>
        <exclusiveGateway id="approved" default="no"/>
        <sequenceFlow id="yes" sourceRef="approved" targetRef="end"><conditionExpression xsi:type="tFormalExpression">{condition}</conditionExpression></sequenceFlow>
        <sequenceFlow id="no" sourceRef="approved" targetRef="end"/>
        <endEvent id="end"/>
        """;
}
