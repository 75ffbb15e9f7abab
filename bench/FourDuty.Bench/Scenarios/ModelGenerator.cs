using System.Globalization;
using System.Xml.Linq;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Writes a large executable BPMN model the way Camunda Modeler saves one: a pool with lanes, user tasks with
/// assignees, due dates, forms and input mappings; exclusive, parallel and event-based gateways with conditions
/// and default flows; reminder timers and message events; embedded subprocesses with deadline boundary
/// timers; multi-instance tasks; an event subprocess; and a BPMNDI shape or edge for every element.
/// </summary>
/// <remarks>
/// The model is a chain of four kinds of block (review loop, parallel split, subprocess with a deadline,
/// wait for a reply or a timeout) repeated until the flow elements — flow nodes and sequence flows, the diagram
/// not counted — reach the target. Deterministic: the same target gives the same text.
/// </remarks>
internal sealed class ModelGenerator
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const int LaneCount = 3;
    private const int LaneHeight = 400;
    private const int PoolX = 160;
    private const int PoolY = 80;

    private readonly Dictionary<string, XElement> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double X, double Y, double W, double H)> _bounds = new(StringComparer.Ordinal);
    private readonly List<XElement> _diagram = [];
    private readonly List<string>[] _laneMembers = Enumerable.Range(0, LaneCount).Select(_ => new List<string>()).ToArray();
    private readonly XElement _process = new(Bpmn + "process", new XAttribute("id", "Bench"), new XAttribute("name", "Benchmark process"), new XAttribute("isExecutable", "true"));
    private int _nextId;
    private double _x = PoolX + 80;

    /// <summary>How many flow elements (flow nodes and sequence flows) the model holds.</summary>
    public int FlowElements { get; private set; }

    /// <summary>Generates a model of at least <paramref name="targetElements"/> flow elements and returns its XML text.</summary>
    public static (string Xml, int FlowElements) Generate(int targetElements)
    {
        var generator = new ModelGenerator();
        return (generator.Build(targetElements), generator.FlowElements);
    }

    private string Build(int targetElements)
    {
        var previous = Node(_process, "startEvent", "Cycle started", Lane(0), Event);
        var blocks = new Func<int, (string Entry, string Exit)>[] { ReviewBlock, ParallelBlock, SubProcessBlock, WaitBlock };
        for (var block = 0; FlowElements < targetElements - 20; block++)
        {
            var (entry, exit) = blocks[block % blocks.Length](block % LaneCount);
            Flow(_process, previous, entry);
            previous = exit;
        }

        var end = Node(_process, "endEvent", "Cycle closed", Lane(0), Event);
        Flow(_process, previous, end);
        EventSubProcess();
        var document = Document();
        return $"{document.Declaration}\n{document}\n";
    }

    // A review in a loop: the reviewer is reminded after three days, and a rejection goes to rework and back.
    private (string Entry, string Exit) ReviewBlock(int lane)
    {
        var y = Lane(lane);
        var join = Node(_process, "exclusiveGateway", null, y, Gateway);
        var review = Node(_process, "userTask", "Review submission", y, Task,
            new XAttribute(Camunda + "assignee", "${reviewer}"),
            new XAttribute(Camunda + "candidateGroups", "office"),
            new XAttribute(Camunda + "dueDate", "${dueAt}"),
            new XAttribute(Camunda + "formKey", "forms/review.form"),
            new XElement(Bpmn + "documentation", "Check the submission against the list and decide."),
            new XElement(Bpmn + "extensionElements",
                new XElement(Camunda + "inputOutput",
                    new XElement(Camunda + "inputParameter", new XAttribute("name", "subject"), "${subject}"),
                    new XElement(Camunda + "inputParameter", new XAttribute("name", "deadline"), "${dueAt}"))));
        var reminder = Boundary(review, "Three days passed", cancel: false, Timer("timeDuration", "P3D"));
        var remind = Node(_process, "sendTask", "Remind reviewer", y + 130, Task, new XAttribute(Camunda + "type", "mail"));
        var reminded = Node(_process, "endEvent", "Reminded", y + 130, Event);
        var split = Node(_process, "exclusiveGateway", "Approved?", y, Gateway);
        var rework = Node(_process, "userTask", "Rework submission", y - 110, Task,
            new XAttribute(Camunda + "assignee", "${owner}"), new XAttribute(Camunda + "dueDate", "${reworkDueAt}"));
        var record = Node(_process, "serviceTask", "Record decision", y, Task, new XAttribute(Camunda + "type", "ledger"));
        Flow(_process, join, review);
        Flow(_process, review, split);
        Flow(_process, reminder, remind);
        Flow(_process, remind, reminded);
        var approved = Flow(_process, split, record, name: "approved");
        Flow(_process, split, rework, "${approved == false && reworkCount < 3}", "rejected");
        Flow(_process, rework, join);
        _nodes[split].SetAttributeValue("default", approved);
        return (join, record);
    }

    // Work shared out at once: a multi-instance task for every member, a notice, and a computed total.
    private (string Entry, string Exit) ParallelBlock(int lane)
    {
        var y = Lane(lane);
        var split = Node(_process, "parallelGateway", null, y, Gateway);
        var x = _x;
        var claim = Node(_process, "userTask", "Claim items", y - 110, Task,
            new XAttribute(Camunda + "assignee", "${member}"), new XAttribute(Camunda + "dueDate", "${claimDueAt}"),
            new XElement(Bpmn + "multiInstanceLoopCharacteristics",
                new XAttribute(Camunda + "collection", "${members}"), new XAttribute(Camunda + "elementVariable", "member"),
                new XElement(Bpmn + "completionCondition", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), "${nrOfCompletedInstances == nrOfInstances}")));
        _x = x;
        var notify = Node(_process, "serviceTask", "Notify members", y, Task, new XAttribute(Camunda + "type", "mail"));
        _x = x;
        var total = Node(_process, "scriptTask", "Count items", y + 110, Task,
            new XAttribute("scriptFormat", "javascript"), new XAttribute(Camunda + "resultVariable", "itemCount"),
            new XElement(Bpmn + "script", "var count = 0; for (var i = 0; i < items.length; i++) { if (items[i].open) { count++; } } count;"));
        var join = Node(_process, "parallelGateway", null, y, Gateway);
        foreach (var branch in new[] { claim, notify, total })
        {
            Flow(_process, split, branch);
            Flow(_process, branch, join);
        }

        return (split, join);
    }

    // A self-contained piece of work with a deadline: the boundary timer interrupts it and escalates.
    private (string Entry, string Exit) SubProcessBlock(int lane)
    {
        var y = Lane(lane);
        var subProcessX = _x;
        var sub = Node(_process, "subProcess", "Rectify finding", y + 40, (W: 820, H: 280));
        var inner = _nodes[sub];
        _x = subProcessX + 40;
        var start = Node(inner, "startEvent", null, y, Event);
        var plan = Node(inner, "userTask", "Plan rectification", y, Task,
            new XAttribute(Camunda + "assignee", "${owner}"), new XAttribute(Camunda + "dueDate", "${planDueAt}"),
            new XAttribute(Camunda + "formKey", "forms/plan.form"));
        var choose = Node(inner, "exclusiveGateway", "Needs approval?", y, Gateway);
        var x = _x;
        var approve = Node(inner, "userTask", "Approve plan", y - 80, Task, new XAttribute(Camunda + "candidateGroups", "leaders"));
        _x = x;
        var file = Node(inner, "serviceTask", "File plan", y + 60, Task, new XAttribute(Camunda + "type", "ledger"));
        var merge = Node(inner, "exclusiveGateway", null, y, Gateway);
        var done = Node(inner, "endEvent", null, y, Event);
        Flow(inner, start, plan);
        Flow(inner, plan, choose);
        Flow(inner, choose, approve, "${severity == 'major'}", "major");
        var direct = Flow(inner, choose, file, name: "minor");
        _nodes[choose].SetAttributeValue("default", direct);
        Flow(inner, approve, merge);
        Flow(inner, file, merge);
        Flow(inner, merge, done);
        _x = subProcessX + 820 + 60;

        var deadline = Boundary(sub, "Deadline passed", cancel: true, Timer("timeDate", "${rectifyBy}"));
        var escalate = Node(_process, "userTask", "Escalate to supervisor", y + 150, Task,
            new XAttribute(Camunda + "assignee", "${supervisor}"), new XAttribute(Camunda + "dueDate", "${escalationDueAt}"));
        var after = Node(_process, "exclusiveGateway", null, y, Gateway);
        Flow(_process, sub, after);
        Flow(_process, deadline, escalate);
        Flow(_process, escalate, after);
        return (sub, after);
    }

    // Wait for a reply, or remind after two days: an event-based gateway.
    private (string Entry, string Exit) WaitBlock(int lane)
    {
        var y = Lane(lane);
        var gateway = Node(_process, "eventBasedGateway", null, y, Gateway);
        var x = _x;
        var reply = Node(_process, "intermediateCatchEvent", "Reply received", y - 90, Event,
            new XElement(Bpmn + "messageEventDefinition", new XAttribute("id", NextId("MessageEventDefinition")), new XAttribute("messageRef", "Message_Reply")));
        _x = x;
        var timeout = Node(_process, "intermediateCatchEvent", "Two days passed", y + 90, Event, Timer("timeDuration", "PT48H"));
        var remind = Node(_process, "sendTask", "Send reminder", y + 90, Task, new XAttribute(Camunda + "type", "mail"));
        var join = Node(_process, "exclusiveGateway", null, y, Gateway);
        Flow(_process, gateway, reply);
        Flow(_process, gateway, timeout);
        Flow(_process, reply, join);
        Flow(_process, timeout, remind);
        Flow(_process, remind, join);
        return (gateway, join);
    }

    // A yearly non-interrupting check that runs beside the whole process.
    private void EventSubProcess()
    {
        var y = Lane(LaneCount - 1) + 150;
        _x = PoolX + 80;
        var sub = Node(_process, "subProcess", "Yearly check", y + 40, (W: 400, H: 160), new XAttribute("triggeredByEvent", "true"));
        var inner = _nodes[sub];
        _x = PoolX + 120;
        var start = Node(inner, "startEvent", "Every year", y, Event, new XAttribute("isInterrupting", "false"), Timer("timeCycle", "R/2027-01-05T09:00:00+08:00/P1Y"));
        var check = Node(inner, "userTask", "Check progress", y, Task, new XAttribute(Camunda + "candidateGroups", "office"));
        var end = Node(inner, "endEvent", null, y, Event);
        Flow(inner, start, check);
        Flow(inner, check, end);
    }

    private static readonly (double W, double H) Event = (36, 36);
    private static readonly (double W, double H) Gateway = (50, 50);
    private static readonly (double W, double H) Task = (100, 80);

    private static double Lane(int lane) => PoolY + (lane * LaneHeight) + (LaneHeight / 2.0);

    private string NextId(string prefix) => $"{prefix}_{++_nextId:x6}";

    private static XElement Timer(string kind, string value) =>
        new(Bpmn + "timerEventDefinition",
            new XElement(Bpmn + kind, new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), value));

    /// <summary>Adds a flow node at the cursor, centred on <paramref name="centreY"/>, with its shape, and moves the cursor on.</summary>
    private string Node(XElement scope, string kind, string? name, double centreY, (double W, double H) size, params object[] content)
    {
        var id = NextId(char.ToUpperInvariant(kind[0]) + kind[1..]);
        var element = new XElement(Bpmn + kind, new XAttribute("id", id));
        if (name is not null)
        {
            element.Add(new XAttribute("name", name));
        }

        element.Add(content);
        scope.Add(element);
        _nodes[id] = element;
        FlowElements++;
        var bounds = (X: _x, Y: centreY - (size.H / 2), size.W, size.H);
        _bounds[id] = bounds;
        JoinLane(scope, id, bounds.Y);

        var shape = Shape(id, bounds);
        if (kind == "subProcess")
        {
            shape.Add(new XAttribute("isExpanded", "true"));
        }

        if (name is not null && size != Task && kind != "subProcess")
        {
            shape.Add(Label(bounds.X - 10, bounds.Y + bounds.H + 7, bounds.W + 20, 14));
        }

        _diagram.Add(shape);
        _x += size.W + 60;
        return id;
    }

    // Lanes list the process's own flow nodes (not those inside subprocesses), by where their shapes stand.
    private void JoinLane(XElement scope, string id, double top)
    {
        if (scope == _process)
        {
            _laneMembers[Math.Clamp((int)((top - PoolY) / LaneHeight), 0, LaneCount - 1)].Add(id);
        }
    }

    private string Boundary(string host, string name, bool cancel, XElement definition)
    {
        var id = NextId("BoundaryEvent");
        var (hostX, hostY, hostW, hostH) = _bounds[host];
        var element = new XElement(Bpmn + "boundaryEvent", new XAttribute("id", id), new XAttribute("name", name),
            new XAttribute("attachedToRef", host), definition);
        if (!cancel)
        {
            element.Add(new XAttribute("cancelActivity", "false"));
        }

        _process.Add(element);
        _nodes[id] = element;
        FlowElements++;
        var bounds = (X: hostX + hostW - 50, Y: hostY + hostH - 18, W: 36.0, H: 36.0);
        _bounds[id] = bounds;
        JoinLane(_process, id, bounds.Y);
        _diagram.Add(Shape(id, bounds, Label(bounds.X + 30, bounds.Y + 43, 80, 14)));
        return id;
    }

    private string Flow(XElement scope, string source, string target, string? condition = null, string? name = null)
    {
        var id = NextId("Flow");
        var flow = new XElement(Bpmn + "sequenceFlow", new XAttribute("id", id));
        if (name is not null)
        {
            flow.Add(new XAttribute("name", name));
        }

        flow.Add(new XAttribute("sourceRef", source), new XAttribute("targetRef", target));
        if (condition is not null)
        {
            flow.Add(new XElement(Bpmn + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), condition));
        }

        scope.Add(flow);
        FlowElements++;
        Link(_nodes[source], "outgoing", id);
        Link(_nodes[target], "incoming", id);

        var (sx, sy, sw, sh) = _bounds[source];
        var (tx, ty, _, th) = _bounds[target];
        var edge = new XElement(BpmnDi + "BPMNEdge", new XAttribute("id", id + "_di"), new XAttribute("bpmnElement", id),
            Waypoint(sx + sw, sy + (sh / 2)));
        if (Math.Abs((sy + (sh / 2)) - (ty + (th / 2))) > 1)
        {
            edge.Add(Waypoint(sx + sw + 20, sy + (sh / 2)), Waypoint(sx + sw + 20, ty + (th / 2)));
        }

        edge.Add(Waypoint(tx, ty + (th / 2)));
        if (name is not null)
        {
            edge.Add(Label(sx + sw + 4, sy + (sh / 2) - 20, 40, 14));
        }

        _diagram.Add(edge);
        return id;
    }

    // bpmn-js writes incoming before outgoing, both after documentation and extension elements.
    private static void Link(XElement node, string direction, string flowId)
    {
        var before = direction == "incoming"
            ? new[] { "documentation", "extensionElements", "incoming" }
            : ["documentation", "extensionElements", "incoming", "outgoing"];
        var link = new XElement(Bpmn + direction, flowId);
        if (node.Elements().LastOrDefault(e => before.Contains(e.Name.LocalName)) is { } anchor)
        {
            anchor.AddAfterSelf(link);
        }
        else
        {
            node.AddFirst(link);
        }
    }

    private XDocument Document()
    {
        var width = _x - PoolX + 100;
        var lanes = new XElement(Bpmn + "laneSet", new XAttribute("id", "LaneSet_1"));
        var roles = new[] { "Committee", "Responsible leader", "Supervisor" };
        for (var lane = 0; lane < LaneCount; lane++)
        {
            var id = $"Lane_{lane + 1}";
            lanes.Add(new XElement(Bpmn + "lane", new XAttribute("id", id), new XAttribute("name", roles[lane]),
                _laneMembers[lane].Select(member => new XElement(Bpmn + "flowNodeRef", member))));
            _diagram.Insert(lane, Shape(id, (PoolX + 30, PoolY + (lane * LaneHeight), width - 30, LaneHeight)));
        }

        _process.AddFirst(lanes);
        _diagram.Insert(0, Shape("Participant_1", (PoolX, PoolY, width, LaneCount * LaneHeight)));
        _diagram[0].Add(new XAttribute("isHorizontal", "true"));

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Bpmn + "definitions",
                new XAttribute(XNamespace.Xmlns + "bpmn", Bpmn),
                new XAttribute(XNamespace.Xmlns + "bpmndi", BpmnDi),
                new XAttribute(XNamespace.Xmlns + "dc", Dc),
                new XAttribute(XNamespace.Xmlns + "di", Di),
                new XAttribute(XNamespace.Xmlns + "camunda", Camunda),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute("id", "Definitions_Bench"),
                new XAttribute("targetNamespace", "http://bpmn.io/schema/bpmn"),
                new XAttribute("exporter", "Camunda Modeler"),
                new XAttribute("exporterVersion", "5.31.0"),
                new XElement(Bpmn + "collaboration", new XAttribute("id", "Collaboration_1"),
                    new XElement(Bpmn + "participant", new XAttribute("id", "Participant_1"), new XAttribute("name", "Benchmark"), new XAttribute("processRef", "Bench"))),
                _process,
                new XElement(Bpmn + "message", new XAttribute("id", "Message_Reply"), new XAttribute("name", "reply")),
                new XElement(BpmnDi + "BPMNDiagram", new XAttribute("id", "BPMNDiagram_1"),
                    new XElement(BpmnDi + "BPMNPlane", new XAttribute("id", "BPMNPlane_1"), new XAttribute("bpmnElement", "Collaboration_1"), _diagram))));
    }

    private static XElement Shape(string id, (double X, double Y, double W, double H) bounds, params object[] content) =>
        new(BpmnDi + "BPMNShape", new XAttribute("id", id + "_di"), new XAttribute("bpmnElement", id), Bounds(bounds.X, bounds.Y, bounds.W, bounds.H), content);

    private static XElement Label(double x, double y, double w, double h) => new(BpmnDi + "BPMNLabel", Bounds(x, y, w, h));

    private static XElement Bounds(double x, double y, double w, double h) =>
        new(Dc + "Bounds", Number("x", x), Number("y", y), Number("width", w), Number("height", h));

    private static XElement Waypoint(double x, double y) => new(Di + "waypoint", Number("x", x), Number("y", y));

    private static XAttribute Number(string name, double value) => new(name, value.ToString("0.##", CultureInfo.InvariantCulture));
}
