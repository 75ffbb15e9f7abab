using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>The file as a whole (BPMN-007, 008), and how problems are reported: all at once, errors apart from warnings.</summary>
public sealed class BpmnParserFileRulesTests
{
    private const string Mistakes = """
        <startEvent id="start"/>
        <sequenceFlow id="in" sourceRef="start" targetRef="choice"/>
        <exclusiveGateway id="choice"/>
        <sequenceFlow id="yes" sourceRef="choice" targetRef="check"><conditionExpression>${ok}</conditionExpression></sequenceFlow>
        <sequenceFlow id="no" sourceRef="choice" targetRef="end"/>
        <serviceTask id="check"/>
        <sequenceFlow id="checked" sourceRef="check" targetRef="nowhere"/>
        <complexGateway id="merge"/>
        <endEvent id="end"/>
        """;

    [Fact]
    public void Parse_ReportsNoProcess_WhenTheFileHoldsOnlyACollaboration()
    {
        var xml = Definitions("""<collaboration id="pools"><participant id="customer" name="Customer"/></collaboration>""");

        var result = Parse(xml);

        result.ShouldReport("BPMN-007", null, 1, ProblemSeverity.Error).Message.ShouldContain("defines no <process>");
        result.Model!.Processes.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_WarnsNotExecutable_WhenTheProcessIsNotExecutable()
    {
        var xml = Process(Path(""), executable: false);

        var result = Parse(xml);

        result.Codes().ShouldBe(["BPMN-008"]);
        result.ShouldReport("BPMN-008", "process", LineOf(xml, "<process"), ProblemSeverity.Warning);
        result.Model!.ExecutableProcesses.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce_WhenAModelHasManyMistakes()
    {
        var (xml, result) = ParseFixture(nameof(Parse_ReportsEveryProblemAtOnce_WhenAModelHasManyMistakes));

        result.Problems.Select(p => (p.Code, p.ElementId)).ShouldBe(
            [
                ("BPMN-010", null), ("BPMN-070", "review"), ("BPMN-080", "fees"), ("BPMN-083", "pay"), ("BPMN-060", "payLate"),
                ("BPMN-020", "receipt"), ("BPMN-081", "archive"), ("BPMN-042", "small"),
            ],
            ignoreOrder: true);
        result.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Error && p.File == "test.bpmn");
        result.Problems.Single(p => p.Code == "BPMN-010").Line.ShouldBe(LineOf(xml, "<bpmn:message"));
        result.Problems.Single(p => p.Code == "BPMN-060").Line.ShouldBe(LineOf(xml, "<bpmn:timeDuration>"));
        result.Problems.Single(p => p.Code == "BPMN-042").Line.ShouldBe(LineOfId(xml, "small"));
        result.IsValid.ShouldBeFalse();
        result.Model.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_ReportsErrors_WhenTheProcessIsExecutable()
    {
        var result = Parse(Process(Mistakes, executable: true));

        result.Problems.Select(p => (p.Code, p.ElementId, p.Severity)).ShouldBe(
            [
                ("BPMN-020", "checked", ProblemSeverity.Error), ("BPMN-083", "check", ProblemSeverity.Error), ("BPMN-080", "merge", ProblemSeverity.Error),
                ("BPMN-042", "no", ProblemSeverity.Error), ("BPMN-030", "merge", ProblemSeverity.Warning),
            ],
            ignoreOrder: true);
        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Parse_ReportsTheSameProblemsOnlyAsWarnings_WhenTheProcessIsNotExecutable()
    {
        var result = Parse(Process(Mistakes, executable: false));

        result.Problems.Select(p => (p.Code, p.ElementId, p.Severity)).ShouldBe(
            [
                ("BPMN-008", "process", ProblemSeverity.Warning),
                ("BPMN-020", "checked", ProblemSeverity.Warning), ("BPMN-083", "check", ProblemSeverity.Warning), ("BPMN-080", "merge", ProblemSeverity.Warning),
                ("BPMN-042", "no", ProblemSeverity.Warning), ("BPMN-030", "merge", ProblemSeverity.Warning),
            ],
            ignoreOrder: true);
        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Parse_ReportsErrorsOnlyInTheExecutableProcess_WhenACollaborationHasOneOfEach()
    {
        static string Pool(string id, bool executable) => $"""
            <process id="{id}" isExecutable="{(executable ? "true" : "false")}">
              <startEvent id="{id}Start"/>
              <sequenceFlow id="{id}Flow" sourceRef="{id}Start" targetRef="{id}Task"/>
              <serviceTask id="{id}Task"/>
            </process>
            """;
        var xml = Definitions($"""
            <collaboration id="pools">
              <participant id="clerk" processRef="office"/>
              <participant id="customer" processRef="outside"/>
            </collaboration>
            {Pool("office", true)}
            {Pool("outside", false)}
            """);

        var result = Parse(xml);

        result.ShouldReport("BPMN-083", "officeTask", LineOfId(xml, "officeTask"), ProblemSeverity.Error);
        result.ShouldReport("BPMN-083", "outsideTask", LineOfId(xml, "outsideTask"), ProblemSeverity.Warning);
        result.Model!.ExecutableProcesses.Select(p => p.Id).ShouldBe(["office"]);
    }
}
