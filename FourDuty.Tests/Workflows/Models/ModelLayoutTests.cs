using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FourDuty.Tests.Workflows.Models;

/// <summary>
/// The diagrams open cleanly in bpmn-js and Camunda Modeler: every element and flow is drawn, no two shapes of one
/// container overlap, children sit inside their subprocess, boundary events sit on their host's border, every element
/// has a Chinese label, and every activity's documentation names the article it implements.
/// </summary>
public sealed class ModelLayoutTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";

    private static readonly HashSet<string> FlowNodes =
    [
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "userTask", "serviceTask", "sendTask",
        "scriptTask", "subProcess", "exclusiveGateway", "parallelGateway",
    ];

    public static TheoryData<string> Models => new(RepositoryFiles.Models.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Models))]
    public void Diagram_DrawsEveryElementWithoutOverlaps_AndLabelsEachOne(string file)
    {
        var document = XDocument.Load(Path.Combine(RepositoryFiles.Workflows, file), LoadOptions.SetLineInfo);
        var shapes = document.Descendants(BpmnDi + "BPMNShape").ToDictionary(s => (string)s.Attribute("bpmnElement")!, Bounds);
        var edges = document.Descendants(BpmnDi + "BPMNEdge").Select(e => (string)e.Attribute("bpmnElement")!).ToHashSet();
        var nodes = document.Descendants().Where(e => e.Name.Namespace == Bpmn && FlowNodes.Contains(e.Name.LocalName)).ToList();
        var problems = new List<string>();

        foreach (var node in nodes)
        {
            var id = (string)node.Attribute("id")!;
            if (!shapes.ContainsKey(id))
            {
                problems.Add($"{id} is not drawn");
            }

            if (string.IsNullOrWhiteSpace((string?)node.Attribute("name")) || !((string)node.Attribute("name")!).Any(c => c >= 0x4E00 && c <= 0x9FFF))
            {
                problems.Add($"{id} has no Chinese label");
            }

            var isEventOrGateway = node.Name.LocalName.EndsWith("Event", StringComparison.Ordinal) || node.Name.LocalName.EndsWith("Gateway", StringComparison.Ordinal);
            if (isEventOrGateway && document.Descendants(BpmnDi + "BPMNShape").Single(s => (string)s.Attribute("bpmnElement")! == id).Element(BpmnDi + "BPMNLabel") is null)
            {
                problems.Add($"{id} has no label position");
            }

            if (!isEventOrGateway && !Regex.IsMatch((string?)node.Element(Bpmn + "documentation") ?? "", "第[一二三四五六七八九十]+条"))
            {
                problems.Add($"{id}'s documentation names no article");
            }
        }

        problems.AddRange(document.Descendants(Bpmn + "sequenceFlow").Select(f => (string)f.Attribute("id")!).Where(f => !edges.Contains(f)).Select(f => $"{f} is not drawn"));

        // Siblings in one container (the process or a subprocess) must not overlap; boundary events sit on their host instead.
        foreach (var container in nodes.Where(n => n.Name.LocalName == "subProcess").Prepend(document.Descendants(Bpmn + "process").Single()))
        {
            var children = container.Elements().Where(e => FlowNodes.Contains(e.Name.LocalName)).ToList();
            var placed = children.Where(c => c.Name.LocalName != "boundaryEvent").Select(c => ((string)c.Attribute("id")!, shapes[(string)c.Attribute("id")!])).ToList();
            for (var i = 0; i < placed.Count; i++)
            {
                for (var j = i + 1; j < placed.Count; j++)
                {
                    if (placed[i].Item2.Overlaps(placed[j].Item2))
                    {
                        problems.Add($"{placed[i].Item1} overlaps {placed[j].Item1}");
                    }
                }
            }

            if (container.Name.LocalName == "subProcess")
            {
                var outer = shapes[(string)container.Attribute("id")!];
                problems.AddRange(children.Where(c => !outer.Contains(shapes[(string)c.Attribute("id")!]))
                    .Select(c => $"{c.Attribute("id")!.Value} lies outside its subprocess {container.Attribute("id")!.Value}"));
            }

            foreach (var boundary in children.Where(c => c.Name.LocalName == "boundaryEvent"))
            {
                var host = shapes[(string)boundary.Attribute("attachedToRef")!];
                var own = shapes[(string)boundary.Attribute("id")!];
                if (!host.HasOnBorder(own.CenterX, own.CenterY))
                {
                    problems.Add($"{boundary.Attribute("id")!.Value} is not on the border of {boundary.Attribute("attachedToRef")!.Value}");
                }

                problems.AddRange(children.Where(c => c.Name.LocalName == "boundaryEvent" && c != boundary && shapes[(string)c.Attribute("id")!].Overlaps(own))
                    .Select(c => $"{boundary.Attribute("id")!.Value} overlaps {c.Attribute("id")!.Value}"));
            }
        }

        problems.ShouldBeEmpty();
    }

    private static Box Bounds(XElement shape)
    {
        var b = shape.Element(Dc + "Bounds")!;
        return new((double)b.Attribute("x")!, (double)b.Attribute("y")!, (double)b.Attribute("width")!, (double)b.Attribute("height")!);
    }

    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public double CenterX => X + (Width / 2);

        public double CenterY => Y + (Height / 2);

        public bool Overlaps(Box other) => X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;

        public bool Contains(Box inner) => inner.X >= X && inner.Y >= Y && inner.X + inner.Width <= X + Width && inner.Y + inner.Height <= Y + Height;

        public bool HasOnBorder(double x, double y) =>
            x >= X - 1 && x <= X + Width + 1 && y >= Y - 1 && y <= Y + Height + 1
            && (Math.Abs(x - X) < 1 || Math.Abs(x - X - Width) < 1 || Math.Abs(y - Y) < 1 || Math.Abs(y - Y - Height) < 1);
    }
}
