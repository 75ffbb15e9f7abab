using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Tests.Workflows.Models;

namespace FourDuty.Tests.Engine.Architecture;

/// <summary>
/// The engine's top namespaces (one per folder of <c>FourDuty.Engine</c>) form layers, each using only the ones below it
/// (docs/decisions/0029-engine-layering.md): no cycle, and no use that goes up. Read from the source as
/// <c>tools/namespace-cycles.py</c> reads it — a file uses a namespace when it names it in a <c>using</c> or as a
/// qualified name — so that a failure names the files to change.
/// </summary>
public sealed class NamespaceLayeringTests
{
    /// <summary>From the bottom up; a namespace may use those in the rows before its own.</summary>
    private static readonly string[][] Layers =
    [
        ["Time", "Variables"],
        ["Expressions"],
        ["Bpmn"],
        ["Forms"],
        ["Deployment"],
        ["Runtime"],
        ["Outbox"],
        ["Jobs"],
        ["Persistence"],
    ];

    private static readonly string EngineFolder = Path.Combine(RepositoryFiles.Root, "FourDuty.Engine");

    [Fact]
    public void EngineNamespaces_HaveNoCycle()
    {
        var uses = Uses();

        var cycles = uses.Keys.Order(StringComparer.Ordinal)
            .Select(top => Cycle(uses, top))
            .OfType<IReadOnlyList<string>>()
            .DistinctBy(cycle => string.Join(",", cycle.Order(StringComparer.Ordinal)))
            .Select(cycle => string.Join(" -> ", cycle.Append(cycle[0])) + ": " + string.Join("; ",
                cycle.Select((from, i) => $"{from}->{cycle[(i + 1) % cycle.Count]} in {string.Join(", ", uses[from][cycle[(i + 1) % cycle.Count]])}")))
            .ToList();

        cycles.ShouldBeEmpty("The engine's namespaces use each other in a circle; move the types so that uses go one way only:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void EngineNamespaces_UseOnlyLowerLayers()
    {
        var uses = Uses();
        var layerOf = Layers.SelectMany((row, layer) => row.Select(top => (top, layer))).ToDictionary(x => x.top, x => x.layer, StringComparer.Ordinal);
        uses.Keys.Order(StringComparer.Ordinal).ShouldBe(layerOf.Keys.Order(StringComparer.Ordinal),
            "Each folder of FourDuty.Engine is a layer of NamespaceLayeringTests.Layers (and of docs/decisions/0029-engine-layering.md)");
        uses["Runtime"].ShouldContainKey("Bpmn", "the source reader sees what a file uses");

        var upward = uses
            .SelectMany(from => from.Value.Where(to => layerOf[to.Key] >= layerOf[from.Key])
                .Select(to => $"{from.Key} uses {to.Key}, which is not below it, in {string.Join(", ", to.Value)}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        upward.ShouldBeEmpty("Layers, bottom up: " + string.Join(" < ", Layers.Select(row => string.Join(" = ", row))) + "\n" + string.Join("\n", upward));
    }

    [Fact]
    public void EngineTypes_LiveInTheNamespaceOfTheirFolder()
    {
        var namespaces = typeof(ProcessEngine).Assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith("FourDuty.Engine.", StringComparison.Ordinal))
            .Select(ns => ns["FourDuty.Engine.".Length..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal);

        namespaces.ShouldBe(Folders());
    }

    // For each top namespace, the others it uses, each with the files (relative to FourDuty.Engine) that use it.
    private static Dictionary<string, SortedDictionary<string, List<string>>> Uses()
    {
        var tops = Folders();
        var uses = tops.ToDictionary(top => top, _ => new SortedDictionary<string, List<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var naming = tops.ToDictionary(top => top, top =>
            new Regex($@"(using\s+FourDuty\.Engine\.{top}\b|FourDuty\.Engine\.{top}\.|(?<![\w.]){top}\.[A-Z])"), StringComparer.Ordinal);
        foreach (var top in tops)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(EngineFolder, top), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                var code = Regex.Replace(Regex.Replace(File.ReadAllText(file), @"/\*.*?\*/", "", RegexOptions.Singleline), "//.*", "");
                foreach (var other in tops.Where(other => other != top && naming[other].IsMatch(code)))
                {
                    if (!uses[top].TryGetValue(other, out var files))
                    {
                        uses[top][other] = files = [];
                    }

                    files.Add(Path.GetRelativePath(EngineFolder, file));
                }
            }
        }

        return uses;
    }

    private static List<string> Folders() =>
        Directory.GetDirectories(EngineFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj") && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    // The shortest way from `start` back to itself, as the namespaces passed through; null when there is none.
    private static IReadOnlyList<string>? Cycle(Dictionary<string, SortedDictionary<string, List<string>>> uses, string start)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var next in uses[at].Keys)
            {
                if (next == start)
                {
                    var path = new List<string> { at };
                    while (path[0] != start)
                    {
                        path.Insert(0, cameFrom[path[0]]);
                    }

                    return path;
                }

                if (cameFrom.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
