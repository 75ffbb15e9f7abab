using System.Diagnostics;
using System.Text;
using FourDuty.Engine.Bpmn;
using static FourDuty.Tests.Engine.Bpmn.BpmnText;

namespace FourDuty.Tests.Engine.Bpmn;

public sealed class BpmnParserHostileInputTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(1);

    [Fact]
    public void Parse_RefusesTheDtdFastWithoutExpanding_WhenGivenABillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [\n{entities}]>\n"
            + Process("<startEvent id=\"start\" name=\"&lol9;\"/>");

        var (result, elapsed) = TimedParse(xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-002", null, LineOf(xml, "<!DOCTYPE"), ProblemSeverity.Error).Message.ShouldContain("remove the <!DOCTYPE");
        result.Problems.Count.ShouldBe(1);
        result.Problems[0].Message.ShouldNotContain("lollol");
        elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_RefusesTheDtdWithoutReadingTheFile_WhenAnEntityPointsAtEtcPasswd()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
            + Process("<startEvent id=\"start\" name=\"&secret;\"/>");

        var (result, elapsed) = TimedParse(xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-002", null, 2, ProblemSeverity.Error);
        result.Problems.ShouldAllBe(p => !p.Message.Contains("root:"));
        elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_RefusesTheDtdWithoutFetchingIt_WhenTheDoctypeNamesAnExternalDtd()
    {
        // Port 9 (discard) on this machine: a fetch would hang or fail slowly, never answer fast.
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:9/bpmn.dtd\">\n" + Process(Path(""));

        var (result, elapsed) = TimedParse(xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-002", null, 2, ProblemSeverity.Error);
        elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_RefusesTheFile_WhenNestedTenLevelsDeeperThanTheLimit()
    {
        var limit = new BpmnParserLimits().MaxDepth;
        var xml = Nested(limit + 10);

        var (result, elapsed) = TimedParse(xml);

        result.Model.ShouldBeNull();
        // The root is at depth 0 on line 1, so the first element at the limit is on line limit + 1.
        result.ShouldReport("BPMN-004", null, limit + 1, ProblemSeverity.Error).Message.ShouldContain($"more than {limit} levels");
        elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_ReadsTheFile_WhenNestedJustWithinTheLimit()
    {
        var result = Parse(Nested(new BpmnParserLimits().MaxDepth));

        result.Model.ShouldNotBeNull();
        result.Codes().ShouldNotContain("BPMN-004");
    }

    [Fact]
    public void Parse_RefusesTheFile_WhenItHasMoreElementsThanTheLimit()
    {
        var limits = new BpmnParserLimits { MaxElements = 50 };
        var xml = Process(string.Join("\n", Enumerable.Range(1, 60).Select(i => $"<task id=\"t{i}\"/>")));

        var result = Parse(xml, limits);

        result.Model.ShouldBeNull();
        // definitions and process are elements 1 and 2, so the 51st element is task t49.
        result.ShouldReport("BPMN-005", null, LineOfId(xml, "t49"), ProblemSeverity.Error).Message.ShouldContain("more than 50 XML elements");
    }

    [Fact]
    public void Parse_ReadsTheFile_WhenItHasAsManyElementsAsTheLimit()
    {
        var xml = Process(Path(""));
        var elements = xml.Split('<').Count(part => part.Length > 0 && char.IsLetter(part[0]));

        Parse(xml, new BpmnParserLimits { MaxElements = elements }).ShouldBeClean();
    }

    [Fact]
    public void Parse_RefusesTheFileBeforeReadingIt_WhenItIsLargerThanTheLimit()
    {
        var xml = Process(Path(""));

        var result = Parse(xml, new BpmnParserLimits { MaxCharacters = xml.Length - 1 });

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-003", null, 0, ProblemSeverity.Error).Message.ShouldContain($"{xml.Length:N0} characters");
        Parse(xml, new BpmnParserLimits { MaxCharacters = xml.Length }).ShouldBeClean();
    }

    [Theory]
    [InlineData("this is not XML", 1)]
    [InlineData("{ \"definitions\": [] }", 1)]
    [InlineData("<definitions>\n  <process id=\"p\">\n</definitions>", 3)]
    [InlineData("<definitions/>\n<definitions/>", 2)]
    public void Parse_ReportsMalformedXmlWithItsLine_WhenTheTextIsNotWellFormed(string xml, int line)
    {
        var result = Parse(xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-001", null, line, ProblemSeverity.Error).Message.ShouldContain("not well-formed XML");
    }

    [Fact]
    public void Parse_ReportsMalformedXmlAtTheLastLine_WhenAValidModelIsCutShort()
    {
        var whole = Process(Path("<userTask id=\"task\"/>", "task"));
        var xml = whole[..whole.IndexOf("<endEvent", StringComparison.Ordinal)];

        var result = Parse(xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-001", null, xml.Count(c => c == '\n') + 1, ProblemSeverity.Error);
    }

    [Fact]
    public void Parse_ReportsMalformedXmlOnLineOne_WhenTheTextIsEmpty()
    {
        var result = Parse("");

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-001", null, 1, ProblemSeverity.Error);
    }

    [Theory]
    [InlineData("<html><body/></html>", "<html>")]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/DI\"/>", "namespace 'http://www.omg.org/spec/BPMN/20100524/DI'")]
    [InlineData("<definitions/>", "namespace ''")]
    public void Parse_ReportsNotBpmnAtTheRoot_WhenTheRootIsNotBpmnDefinitions(string xml, string echoed)
    {
        var result = Parse("<?xml version=\"1.0\"?>\n" + xml);

        result.Model.ShouldBeNull();
        result.ShouldReport("BPMN-006", null, 2, ProblemSeverity.Error).Message.ShouldContain(echoed);
    }

    [Fact]
    public void Parse_ThrowsArgumentNullException_WhenTheTextIsNull()
    {
        Should.Throw<ArgumentNullException>(() => new BpmnParser().Parse(null!));
    }

    // One element per line: the element on line n is at depth n - 1.
    private static string Nested(int levels)
    {
        var xml = new StringBuilder($"<definitions {Namespaces}>\n<process id=\"process\" isExecutable=\"true\">\n");
        for (var level = 2; level < levels; level++)
        {
            xml.Append("<extensionElements>\n");
        }

        for (var level = 2; level < levels; level++)
        {
            xml.Append("</extensionElements>");
        }

        return xml.Append("</process></definitions>").ToString();
    }

    private static (BpmnParseResult Result, TimeSpan Elapsed) TimedParse(string xml)
    {
        var watch = Stopwatch.StartNew();
        var result = Parse(xml);
        return (result, watch.Elapsed);
    }
}
