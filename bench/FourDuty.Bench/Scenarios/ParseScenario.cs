using System.Globalization;
using System.Xml.Linq;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// How long the engine takes to read and validate a large model, beside how long .NET takes to merely parse
/// the same text into an <see cref="XDocument"/>: the ratio is our own cost, whatever the machine. The
/// parser's first stage, its hardened XML loading, is timed alone too, so the rest (reading the model,
/// linking and validating it) is the difference.
/// </summary>
internal sealed class ParseScenario : IScenario
{
    private const string FileName = "bench.bpmn";

    public string Name => "parse";

    public string Description => "parse + validate a generated model; XDocument.Parse of the same text as the reference";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("elements", 5000, 10, "flow elements (nodes and sequence flows) in the generated model"),
        new("iterations", 50, 1, "measured runs of each operation"),
        new("warmup", 10, 0, "unmeasured runs first, for the JIT"),
    ];

    public int Run(BenchOptions options, TextWriter output)
    {
        var (xml, flowElements) = ModelGenerator.Generate(options["elements"]);
        var parser = new BpmnParser();
        var check = parser.Parse(xml, FileName);
        if (!check.IsValid || check.Problems.Count > 0)
        {
            // A benchmark of a model the engine refuses would measure the wrong path.
            output.WriteLine("The generated model is not clean; fix ModelGenerator:");
            foreach (var problem in check.Problems.Take(20))
            {
                output.WriteLine($"  {problem}");
            }

            return 1;
        }

        var xmlElements = XDocument.Parse(xml).Descendants().Count();
        var lines = xml.Count(c => c == '\n');
        var (warmUp, iterations) = (options["warmup"], options["iterations"]);

        output.WriteLine($"FourDuty.Bench parse, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"runtime  {MachineFacts.Runtime}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        if (MachineFacts.IsDebugBuild)
        {
            output.WriteLine("WARNING  Debug build: these figures mean nothing; run with -c Release.");
        }

        output.WriteLine($"model    {N(flowElements)} flow elements, {N(xmlElements)} XML elements with the diagram, {N(xml.Length)} characters, {N(lines)} lines; valid, no problems");
        output.WriteLine($"runs     {warmUp} warm-up + {iterations} measured of each, taking turns");
        output.Flush();

        var limits = new BpmnParserLimits();
        var results = Measurement.Run(warmUp, iterations,
            ("BpmnParser.Parse (parse + validate)", () => parser.Parse(xml, FileName)),
            ("  of which safe XML loading", () => SafeXmlLoader.Load(xml, limits, new ProblemCollector(FileName))),
            ("XDocument.Parse (reference)", () => XDocument.Parse(xml)));
        var (ours, reference) = (results[0], results[^1]);

        output.WriteLine();
        output.WriteLine($"{"operation",-38}{"median",11}{"p95",11}{"allocated/run",16}");
        foreach (var result in results)
        {
            output.WriteLine($"{result.Name,-38}{Ms(result.Median),11}{Ms(result.P95),11}{Mb(result.MedianAllocated),16}");
        }

        output.WriteLine($"{"ratio (ours / reference)",-38}{Ratio(ours.Median, reference.Median),11}{Ratio(ours.P95, reference.P95),11}{Ratio(ours.MedianAllocated, reference.MedianAllocated),16}");
        output.WriteLine();
        output.WriteLine($"load     {MachineFacts.Load} at end");
        output.WriteLine($"throughput {N((int)(flowElements / (ours.Median / 1000)))} flow elements/s; {Ms(ours.Milliseconds[0])} fastest, {Ms(ours.Milliseconds[^1])} slowest run");
        return 0;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long bytes) => (bytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Ratio(double ours, double reference) => (ours / reference).ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
