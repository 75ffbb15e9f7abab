using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Expressions and what the engine runs: BPMN-070, 080, 081, 082, 083.</summary>
public sealed class BpmnParserSupportRulesTests
{
    [Fact]
    public void Parse_ReportsExpressionInvalid_WhenAnAttributeExpressionDoesNotParse()
    {
        var xml = Process(Path("""<userTask id="approve" camunda:assignee="${manager of applicant}"/>""", "approve"));

        var problem = Parse(xml).ShouldReport("BPMN-070", "approve", LineOfId(xml, "approve"), ProblemSeverity.Error);

        problem.Message.ShouldContain("The camunda:assignee of 'approve' does not parse: 'manager of applicant' is not a JavaScript expression");
    }

    [Theory]
    [InlineData("approved", "is plain text ('approved')")]
    [InlineData(" ", "has an empty condition")]
    [InlineData("${amount >}", "'amount >' is not a JavaScript expression")]
    [InlineData("${amount > 1000", "has no matching '}'")]
    public void Parse_ReportsExpressionInvalidAtTheCondition_WhenAConditionCannotBeEvaluated(string condition, string echoed)
    {
        var xml = Process($$"""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="choice"/>
            <exclusiveGateway id="choice" default="no"/>
            <sequenceFlow id="yes" sourceRef="choice" targetRef="end">
              <conditionExpression xsi:type="tFormalExpression">{{condition}}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="no" sourceRef="choice" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-070"]);
        result.ShouldReport("BPMN-070", "yes", LineOf(xml, "<conditionExpression"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsExpressionInvalidAtTheScriptLine_WhenAScriptHasASyntaxError()
    {
        var xml = Process(Path("""
            <scriptTask id="compute" scriptFormat="javascript"><script>var total = 0;
            total = total +;</script></scriptTask>
            """, "compute"));

        var problem = Parse(xml).ShouldReport("BPMN-070", "compute", LineOf(xml, "total = total +;"), ProblemSeverity.Error);

        problem.Message.ShouldContain("(script line 2");
    }

    [Theory]
    [InlineData("""<businessRuleTask id="odd" camunda:decisionRef="fees"/>""", "<businessRuleTask> 'odd' is not supported")]
    [InlineData("""<complexGateway id="odd"/>""", "<complexGateway> 'odd' is not supported")]
    [InlineData("""<transaction id="odd"/>""", "<transaction> 'odd' is not supported")]
    [InlineData("""<adHocSubProcess id="odd"/>""", "<adHocSubProcess> 'odd' is not supported")]
    public void Parse_ReportsUnsupportedElement_WhenTheElementCannotRun(string node, string echoed)
    {
        var xml = Process(Path(node, "odd"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-080"]);
        result.ShouldReport("BPMN-080", "odd", LineOfId(xml, "odd"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Theory]
    [InlineData("""<intermediateThrowEvent id="odd"><compensateEventDefinition/></intermediateThrowEvent>""", "<compensateEventDefinition")]
    [InlineData("""<intermediateCatchEvent id="odd"><conditionalEventDefinition><condition>${x}</condition></conditionalEventDefinition></intermediateCatchEvent>""", "<conditionalEventDefinition")]
    [InlineData("""<userTask id="odd"><standardLoopCharacteristics/></userTask>""", "<standardLoopCharacteristics")]
    [InlineData("""<userTask id="odd"><extensionElements><camunda:taskListener event="create" class="x.Y"/></extensionElements></userTask>""", "<camunda:taskListener")]
    [InlineData("""<serviceTask id="odd" camunda:type="mail"><extensionElements><camunda:executionListener event="end" expression="${x}"/></extensionElements></serviceTask>""", "<camunda:executionListener")]
    [InlineData("""<intermediateCatchEvent id="odd"><messageEventDefinition messageRef="m"/><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>""", "<intermediateCatchEvent")]
    public void Parse_ReportsUnsupportedElementAtThePartThatCannotRun_WhenAnElementCarriesIt(string node, string part)
    {
        var xml = Process(Path(node, "odd"), rootElements: """<message id="m" name="m"/>""");

        Parse(xml).ShouldReport("BPMN-080", "odd", LineOf(xml, part), ProblemSeverity.Error);
    }

    [Theory]
    [InlineData("""<serviceTask id="odd" camunda:class="org.example.Archive"/>""", "camunda:class=\"org.example.Archive\"")]
    [InlineData("""<serviceTask id="odd" camunda:delegateExpression="${archive}"/>""", "names Java code")]
    [InlineData("""<scriptTask id="odd" scriptFormat="groovy"><script>println 'hi'</script></scriptTask>""", "is written in 'groovy'")]
    [InlineData("""<task id="odd" completionQuantity="3"/>""", "completionQuantity=\"3\"")]
    public void Parse_ReportsUnsupportedAttribute_WhenAnAttributeAsksForWhatTheEngineCannotDo(string node, string echoed)
    {
        var xml = Process(Path(node, "odd"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-081"]);
        result.ShouldReport("BPMN-081", "odd", LineOfId(xml, "odd"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Theory]
    [InlineData("""<conditionExpression language="groovy">amount > 1000</conditionExpression>""", "is written in 'groovy'")]
    [InlineData("""<conditionExpression>= amount > 1000</conditionExpression>""", "is FEEL ('= amount > 1000')")]
    public void Parse_ReportsUnsupportedAttribute_WhenAConditionIsNotJavaScript(string condition, string echoed)
    {
        var xml = Process($$"""
            <startEvent id="start"/>
            <sequenceFlow id="in" sourceRef="start" targetRef="choice"/>
            <exclusiveGateway id="choice" default="small"/>
            <sequenceFlow id="large" sourceRef="choice" targetRef="end">{{condition}}</sequenceFlow>
            <sequenceFlow id="small" sourceRef="choice" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-081"]);
        result.ShouldReport("BPMN-081", "large", LineOf(xml, "<conditionExpression"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Theory]
    [InlineData("""<dataObject id="odd"/>""", "odd", "<dataObject> 'odd' is ignored")]
    [InlineData("""<dataStoreReference id="odd"/>""", "odd", "<dataStoreReference> 'odd' is ignored")]
    [InlineData("""<choreographyActivity id="odd"/>""", "odd", "<choreographyActivity> 'odd' is not a BPMN element FourDuty knows here")]
    [InlineData("""<userTask id="odd"><extensionElements><camunda:formData/></extensionElements></userTask>""", "odd", "camunda:formData on 'odd' is ignored")]
    [InlineData("""<userTask id="odd"><potentialOwner id="owner"/></userTask>""", "owner", "<potentialOwner> 'owner' is ignored")]
    public void Parse_WarnsNotExecuted_WhenTheModelHoldsWhatIsOnlyDrawn(string node, string elementId, string echoed)
    {
        var xml = Process(Path(node));

        var result = Parse(xml);

        result.ShouldReport("BPMN-082", elementId, LineOf(xml, $"id=\"{elementId}\""), ProblemSeverity.Warning).Message.ShouldContain(echoed);
        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""<serviceTask id="odd"/>""", "says nothing about what runs")]
    [InlineData("""<serviceTask id="odd" camunda:type="external"/>""", "is external but has no camunda:topic")]
    [InlineData("""<sendTask id="odd"/>""", "Send task 'odd' says nothing about what runs")]
    [InlineData("""<scriptTask id="odd"><script>  </script></scriptTask>""", "has no script")]
    [InlineData("""<scriptTask id="odd" camunda:resource="classpath://x.js"/>""", "loads its script from 'classpath://x.js'")]
    [InlineData("""<callActivity id="odd"/>""", "has no calledElement")]
    [InlineData("""<callActivity id="odd" camunda:caseRef="claims"/>""", "calls a CMMN case")]
    [InlineData("""<serviceTask id="odd"><extensionElements><zeebe:taskDefinition xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" type="mail"/></extensionElements></serviceTask>""", "uses Camunda 8's zeebe:taskDefinition")]
    public void Parse_ReportsImplementationMissing_WhenATaskSaysNothingTheEngineCanRun(string node, string echoed)
    {
        var xml = Process(Path(node, "odd"));

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-083"]);
        result.ShouldReport("BPMN-083", "odd", LineOfId(xml, "odd"), ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ReportsImplementationMissingAtTheLoop_WhenAMultiInstanceSaysNeitherHowManyNorOverWhat()
    {
        var xml = Process(Path("""<userTask id="review"><multiInstanceLoopCharacteristics isSequential="true"/></userTask>""", "review"));

        Parse(xml).ShouldReport("BPMN-083", "review", LineOf(xml, "<multiInstanceLoopCharacteristics"), ProblemSeverity.Error).Message.ShouldContain("neither how many instances");
    }

    [Fact]
    public void Parse_AcceptsASendTask_WhenItNamesAMessageInsteadOfAHandler()
    {
        var xml = Process(Path("""<sendTask id="notify" messageRef="notice"/>""", "notify"), rootElements: """<message id="notice" name="notice"/>""");

        var task = (SendTask)Parse(xml).ShouldBeClean().Processes[0].FlowNodes.Single(n => n.Id == "notify");

        task.Message!.Name.ShouldBe("notice");
    }
}
