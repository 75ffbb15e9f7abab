using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FourDuty.Engine.Bpmn;
using Xunit.Abstractions;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>
/// Thousands of deterministic mutations of the MIWG and Camunda 7 models: each must end in a model or in problems,
/// never in an exception, and quickly. The seed is fixed, so a failure names a variant that can be made again.
/// </summary>
public sealed partial class BpmnParserFuzzTests(ITestOutputHelper output)
{
    private const int VariantsPerModel = 70;
    private const int Seed = 20_270_105;

    // A parse of these files takes a few milliseconds; the bound only has to catch a blow-up, and leaves room for a
    // machine busy with other work.
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(2);

    [Fact]
    public void Parse_EndsInModelOrProblems_WhenGivenMutatedRealModels()
    {
        var parser = new BpmnParser();
        var mutator = new BpmnMutator(new Random(Seed));
        var outcomes = new Dictionary<string, int>();
        var codes = new Dictionary<string, int>();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var parsing = TimeSpan.Zero;
        var variants = 0;
        var total = Stopwatch.StartNew();

        foreach (var (name, seed) in SeedModels())
        {
            for (var i = 0; i < VariantsPerModel; i++)
            {
                var (xml, description) = mutator.Mutate(seed);
                variants++;
                var watch = Stopwatch.StartNew();
                try
                {
                    var result = parser.Parse(xml, name);
                    watch.Stop();
                    Count(outcomes, Outcome(result));
                    foreach (var code in result.Problems.Select(p => p.Code).Distinct())
                    {
                        Count(codes, code);
                    }

                    if (Broken(result) is { } broken)
                    {
                        failures.Add($"{name} variant {i} ({description}): {broken}");
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{name} variant {i} ({description}): {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}");
                }

                parsing += watch.Elapsed;
                if (watch.Elapsed > slowest)
                {
                    slowest = watch.Elapsed;
                }

                if (watch.Elapsed > SlowestAllowed)
                {
                    failures.Add($"{name} variant {i} ({description}) took {watch.Elapsed.TotalMilliseconds:N0} ms");
                }
            }
        }

        output.WriteLine($"{variants} variants of {variants / VariantsPerModel} models in {total.Elapsed.TotalSeconds:N1} s ({parsing.TotalSeconds:N1} s parsing); slowest parse {slowest.TotalMilliseconds:N0} ms");
        foreach (var (outcome, count) in outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        output.WriteLine("variants reporting each code: " + string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        failures.ShouldBeEmpty(string.Join("\n\n", failures.Take(5)));
        outcomes.Count.ShouldBeGreaterThanOrEqualTo(3, "the mutations should reach unreadable files, models with errors and models without");
    }

    // The diagram (BPMNDiagram) is most of each file and none of its meaning; without it the same budget buys more variants.
    private static IEnumerable<(string Name, XDocument Model)> SeedModels()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Engine", "Bpmn", "Conformance");
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(IsModel).Order(StringComparer.Ordinal))
        {
            var document = XDocument.Load(file);
            document.Descendants().Where(e => e.Name.LocalName == "BPMNDiagram").ToList().ForEach(e => e.Remove());
            yield return (Path.GetFileName(file), document);
        }
    }

    private static bool IsModel(string file) => file.EndsWith(".bpmn", StringComparison.Ordinal) || file.EndsWith(".bpmn20.xml", StringComparison.Ordinal);

    private static string Outcome(BpmnParseResult result) => result switch
    {
        { Model: null } => "no model (file refused)",
        { IsValid: false } => "model with errors",
        _ when result.Problems.Count > 0 => "valid model with warnings",
        _ => "valid model without problems",
    };

    // What a caller relies on: a refusal says why, every problem is well-formed, and a model holds only whole flows.
    private static string? Broken(BpmnParseResult result)
    {
        if (result.Model is null && result.Problems.Count == 0)
        {
            return "no model and no problem";
        }

        if (result.Problems.FirstOrDefault(p => !CodePattern().IsMatch(p.Code) || p.Message.Length == 0 || p.Line < 0) is { } bad)
        {
            return $"malformed problem {bad}";
        }

        foreach (var process in result.Model?.Processes ?? [])
        {
            var scopes = new[] { (IFlowScope)process }.Concat(process.AllFlowNodes.OfType<IFlowScope>());
            if (scopes.SelectMany(s => s.SequenceFlows).FirstOrDefault(f => f.Source is null || f.Target is null
                || !f.Source.Outgoing.Contains(f) || !f.Target.Incoming.Contains(f)) is { } flow)
            {
                return $"sequence flow '{flow.Id}' is not connected at both ends";
            }

            if (process.AllFlowNodes.OfType<BoundaryEvent>().FirstOrDefault(b => b.AttachedTo is null) is { } boundary)
            {
                return $"boundary event '{boundary.Id}' is attached to nothing";
            }
        }

        return null;
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    [GeneratedRegex(@"^BPMN-\d{3}$")]
    private static partial Regex CodePattern();
}
