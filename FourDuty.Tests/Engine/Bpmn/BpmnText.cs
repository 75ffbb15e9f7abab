using FourDuty.Engine.Bpmn;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>
/// Builds minimal BPMN files around a fragment, parses them, and asserts problems by code, element id, line and
/// severity. Every BPMN test uses these, so that a test shows only the part of the model it is about.
/// </summary>
internal static class BpmnText
{
    public const string Namespaces =
        "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    /// <summary>A <c>definitions</c> element around <paramref name="content"/>, which starts on line 2.</summary>
    public static string Definitions(string content) =>
        $"<definitions {Namespaces} id=\"definitions\" targetNamespace=\"http://fourduty.test\">\n{content}\n</definitions>";

    /// <summary>
    /// One process with id <c>process</c> holding <paramref name="body"/>, after <paramref name="rootElements"/>
    /// (messages, signals, errors, escalations).
    /// </summary>
    public static string Process(string body, bool executable = true, string rootElements = "") =>
        Definitions($"{rootElements}\n<process id=\"process\" isExecutable=\"{(executable ? "true" : "false")}\">\n{body}\n</process>");

    /// <summary>A process <c>start → middle... → end</c>: <paramref name="middle"/> holds nodes with the ids in <paramref name="path"/>.</summary>
    public static string Path(string middle, params string[] path)
    {
        var ids = new[] { "start" }.Concat(path).Append("end").ToList();
        var flows = ids.Zip(ids.Skip(1), (from, to) => $"<sequenceFlow id=\"{from}-{to}\" sourceRef=\"{from}\" targetRef=\"{to}\"/>");
        return $"<startEvent id=\"start\"/>\n{middle}\n{string.Join("\n", flows)}\n<endEvent id=\"end\"/>";
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="fragment"/>.</summary>
    public static int LineOf(string xml, string fragment)
    {
        var index = xml.IndexOf(fragment, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{fragment}' is not in the test model");
        return xml[..index].Count(c => c == '\n') + 1;
    }

    /// <summary>The line of the element with id <paramref name="id"/>.</summary>
    public static int LineOfId(string xml, string id) => LineOf(xml, $"id=\"{id}\"");

    public static BpmnParseResult Parse(string xml, BpmnParserLimits? limits = null) =>
        new BpmnParser(limits).Parse(xml, "test.bpmn");

    /// <summary>Parses <c>Fixtures/{name}.bpmn</c>, a file named after the test that uses it.</summary>
    public static (string Xml, BpmnParseResult Result) ParseFixture(string name)
    {
        var xml = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Engine", "Bpmn", "Fixtures", name + ".bpmn"));
        return (xml, Parse(xml));
    }

    /// <summary>Asserts exactly one problem with this code about this element, at this line and severity, whose message names the element.</summary>
    public static BpmnProblem ShouldReport(this BpmnParseResult result, string code, string? elementId, int line, ProblemSeverity severity)
    {
        var matches = result.Problems.Where(p => p.Code == code && p.ElementId == elementId).ToList();
        matches.Count.ShouldBe(1, $"expected one {code} about '{elementId}'; the parser reported:\n{Describe(result)}");
        var problem = matches[0];
        problem.Line.ShouldBe(line, Describe(result));
        problem.Severity.ShouldBe(severity, Describe(result));
        problem.File.ShouldBe("test.bpmn");
        if (elementId is not null)
        {
            problem.Message.ShouldContain(elementId, Case.Sensitive, "the message must name the element");
        }

        return problem;
    }

    /// <summary>Asserts that the file parsed into a model with no problem at all.</summary>
    public static BpmnModel ShouldBeClean(this BpmnParseResult result)
    {
        result.Problems.ShouldBeEmpty(Describe(result));
        result.IsValid.ShouldBeTrue();
        return result.Model!;
    }

    /// <summary>The flow node with this id, at any depth of any process.</summary>
    public static T Node<T>(this BpmnModel model, string id)
        where T : FlowNode =>
        model.Processes.SelectMany(p => p.AllFlowNodes).Single(n => n.Id == id).ShouldBeAssignableTo<T>()!;

    /// <summary>The sequence flow with this id, at any depth of any process.</summary>
    public static SequenceFlow Flow(this BpmnModel model, string id) =>
        model.Processes.SelectMany(p => p.AllFlowNodes.OfType<IFlowScope>().Prepend(p)).SelectMany(s => s.SequenceFlows).Single(f => f.Id == id);

    /// <summary>The codes of every problem, in the order found.</summary>
    public static string[] Codes(this BpmnParseResult result) => result.Problems.Select(p => p.Code).ToArray();

    public static string Describe(BpmnParseResult result) =>
        result.Problems.Count == 0 ? "(no problems)" : string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Code} {p.ElementId} line {p.Line}: {p.Message}"));
}
