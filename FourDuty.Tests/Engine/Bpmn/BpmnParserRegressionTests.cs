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
}
