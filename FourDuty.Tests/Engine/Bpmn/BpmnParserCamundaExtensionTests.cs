using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>Camunda 7 extension elements, as the Camunda properties panel writes them.</summary>
public sealed class BpmnParserCamundaExtensionTests
{
    [Fact]
    public void Parse_KeepsTheProcessCandidateStarters_AsWritten()
    {
        var xml = Process(Path("<userTask id=\"talk\"/>", "talk")).Replace("""<process id="process" isExecutable="true">""",
            """<process id="process" isExecutable="true" camunda:candidateStarterGroups="office, discipline" camunda:candidateStarterUsers="li.secretary">""",
            StringComparison.Ordinal);

        var process = Parse(xml).ShouldBeClean().Processes.Single();

        process.CandidateStarterGroups.ShouldBe(["office", "discipline"]);
        process.CandidateStarterUsers.ShouldBe(["li.secretary"]);
        Parse(Process(Path("<userTask id=\"talk\"/>", "talk"))).ShouldBeClean().Processes.Single().CandidateStarterGroups.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_RefusesAnExpressionAsCandidateStarters_NamingTheProcess()
    {
        var xml = Process(Path("<userTask id=\"talk\"/>", "talk")).Replace("""<process id="process" isExecutable="true">""",
            """<process id="process" isExecutable="true" camunda:candidateStarterGroups="${starters}">""", StringComparison.Ordinal);

        var problem = Parse(xml).ShouldReport(BpmnRules.InvalidValue.Code, "process", LineOf(xml, "<process"), ProblemSeverity.Error);

        problem.Message.ShouldContain("camunda:candidateStarterGroups");
    }

    [Fact]
    public void Parse_ReadsEveryKindOfInputAndOutputParameter()
    {
        var xml = Process(Path("""
            <serviceTask id="notify" camunda:type="mail">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="subject">Duty list due</camunda:inputParameter>
                  <camunda:inputParameter name="to">${owner.email}</camunda:inputParameter>
                  <camunda:inputParameter name="greeting">Dear ${owner.name}, see ${link}</camunda:inputParameter>
                  <camunda:inputParameter name="cc">
                    <camunda:list>
                      <camunda:value>office@example.org</camunda:value>
                      <camunda:value>${supervisor.email}</camunda:value>
                    </camunda:list>
                  </camunda:inputParameter>
                  <camunda:inputParameter name="headers">
                    <camunda:map>
                      <camunda:entry key="priority">high</camunda:entry>
                      <camunda:entry key="tags"><camunda:list><camunda:value>duty</camunda:value></camunda:list></camunda:entry>
                    </camunda:map>
                  </camunda:inputParameter>
                  <camunda:inputParameter name="days">
                    <camunda:script scriptFormat="javascript">Math.ceil(hours / 24)</camunda:script>
                  </camunda:inputParameter>
                  <camunda:outputParameter name="sentAt">${messageDate}</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </serviceTask>
            """, "notify"));

        var mapping = Parse(xml).ShouldBeClean().Node<ServiceTask>("notify").InputOutput!;

        mapping.Inputs.Select(p => p.Name).ShouldBe(["subject", "to", "greeting", "cc", "headers", "days"]);
        var inputs = mapping.Inputs.ToDictionary(p => p.Name, p => p.Value);
        inputs["subject"].ShouldBeOfType<ExpressionValue>().Expression.IsLiteral.ShouldBeTrue();
        inputs["to"].ShouldBeOfType<ExpressionValue>().Expression.IsSingleScript.ShouldBeTrue();
        inputs["greeting"].ShouldBeOfType<ExpressionValue>().Expression.ShouldSatisfyAllConditions(
            e => e.IsLiteral.ShouldBeFalse(), e => e.IsSingleScript.ShouldBeFalse());
        inputs["cc"].ShouldBeOfType<ListValue>().Items.Select(i => i.ShouldBeOfType<ExpressionValue>().Expression.Source)
            .ShouldBe(["office@example.org", "${supervisor.email}"]);
        var headers = inputs["headers"].ShouldBeOfType<MapValue>().Entries;
        headers.Select(e => e.Key).ShouldBe(["priority", "tags"]);
        headers[1].Value.ShouldBeOfType<ListValue>().Items.ShouldHaveSingleItem();
        inputs["days"].ShouldBeOfType<ScriptValue>().Script.ShouldBe("Math.ceil(hours / 24)");
        mapping.Outputs.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("sentAt"), p => p.Value.ShouldBeOfType<ExpressionValue>().Expression.Source.ShouldBe("${messageDate}"));
    }

    [Fact]
    public void Parse_ReportsTheParameter_WhenItsExpressionDoesNotParse()
    {
        var xml = Process(Path("""
            <userTask id="task">
              <extensionElements><camunda:inputOutput><camunda:inputParameter name="limit">${amount *}</camunda:inputParameter></camunda:inputOutput></extensionElements>
            </userTask>
            """, "task"));

        Parse(xml).ShouldReport("BPMN-070", "task", LineOf(xml, "<camunda:inputParameter"), ProblemSeverity.Error)
            .Message.ShouldContain("The inputParameter 'limit' of 'task' does not parse");
    }

    [Fact]
    public void Parse_ReportsTheScript_WhenAParameterScriptIsNotJavaScript()
    {
        var xml = Process(Path("""
            <userTask id="task">
              <extensionElements><camunda:inputOutput><camunda:inputParameter name="days"><camunda:script scriptFormat="groovy">hours / 24</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements>
            </userTask>
            """, "task"));

        Parse(xml).ShouldReport("BPMN-081", "task", LineOf(xml, "<camunda:inputParameter"), ProblemSeverity.Error).Message.ShouldContain("is in 'groovy'");
    }

    [Fact]
    public void Parse_ReadsPropertiesOfAFlowNode_WhenAnElementTemplateSetsThem()
    {
        var xml = Process(Path("""
            <serviceTask id="remind" camunda:type="reminder">
              <extensionElements>
                <camunda:properties>
                  <camunda:property name="article" value="26"/>
                  <camunda:property name="alert" value="yellow"/>
                  <camunda:property name="empty"/>
                </camunda:properties>
              </extensionElements>
            </serviceTask>
            """, "remind"));

        var properties = Parse(xml).ShouldBeClean().Node<ServiceTask>("remind").Properties;

        properties.ShouldBe(new Dictionary<string, string> { ["article"] = "26", ["alert"] = "yellow", ["empty"] = "" }, ignoreOrder: true);
    }

    [Fact]
    public void Parse_ReadsTheActivitiNamespaceAsCamunda_AsCamunda7Does()
    {
        var xml = Process(Path("""
            <userTask id="approve" activiti:assignee="${manager}" activiti:candidateGroups="office">
              <extensionElements>
                <activiti:properties><activiti:property name="article" value="14"/></activiti:properties>
              </extensionElements>
            </userTask>
            """, "approve")).Replace("id=\"definitions\"", "xmlns:activiti=\"http://activiti.org/bpmn\" id=\"definitions\"", StringComparison.Ordinal);

        var task = Parse(xml).ShouldBeClean().Node<UserTask>("approve");

        task.Assignee!.Source.ShouldBe("${manager}");
        task.CandidateGroups!.Source.ShouldBe("office");
        task.Properties["article"].ShouldBe("14");
    }
}
