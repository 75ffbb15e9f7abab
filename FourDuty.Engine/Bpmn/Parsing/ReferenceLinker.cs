namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>
/// Connects what refers to what once the whole file is read: flows to their ends, default flows, boundary
/// events to their activities, nodes to their lanes. What cannot be connected is reported and left out of
/// the model, so that the validator and the runtime only ever see whole flows.
/// </summary>
internal static class ReferenceLinker
{
    public static void Link(ParseContext context, IReadOnlyList<BpmnProcess> processes)
    {
        var flows = processes.SelectMany(AllScopes).SelectMany(s => s.SequenceFlows)
            .GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var broken = new HashSet<BpmnElement>();

        foreach (var pending in context.Pending.Where(p => p.Kind is PendingKind.FlowSource or PendingKind.FlowTarget))
        {
            UseLeniency(context, pending.Scope!);
            if (!LinkFlowEnd(context, pending))
            {
                broken.Add(pending.From);
            }
        }

        // Every flow, not one per id: a duplicated id must not let a flow with a missing end through.
        foreach (var flow in processes.SelectMany(AllScopes).SelectMany(s => s.SequenceFlows).Where(f => f.Source is null || f.Target is null))
        {
            broken.Add(flow);
        }

        foreach (var pending in context.Pending)
        {
            var scope = pending.Scope ?? ((FlowNode)pending.From).Scope;
            UseLeniency(context, scope);
            switch (pending.Kind)
            {
                case PendingKind.DefaultFlow:
                    LinkDefaultFlow(context, pending, flows, broken);
                    break;
                case PendingKind.AttachedTo when !LinkBoundary(context, pending):
                    broken.Add(pending.From);
                    break;
                case PendingKind.LaneMember:
                    LinkLane(context, pending);
                    break;
            }
        }

        // A boundary event without attachedToRef was reported when it was read; like one whose activity is missing,
        // it leaves the model, so that every boundary event the runtime sees has its activity.
        foreach (var boundary in processes.SelectMany(p => p.AllFlowNodes).OfType<BoundaryEvent>().Where(b => b.AttachedTo is null))
        {
            broken.Add(boundary);
        }

        context.Problems.Lenient = false;
        RemoveBroken(processes, broken);
    }

    private static bool LinkFlowEnd(ParseContext context, PendingReference pending)
    {
        var flow = (SequenceFlow)pending.From;
        var end = pending.Kind == PendingKind.FlowSource ? "sourceRef" : "targetRef";
        if (!context.Nodes.TryGetValue(pending.TargetId, out var node))
        {
            context.Problems.Report(BpmnRules.DanglingReference, flow.Id, pending.Line,
                $"{end}=\"{pending.TargetId}\" on sequence flow '{flow.Id}' names no flow node of this file. Connect the flow to an existing element or delete it.");
            return false;
        }

        if (!ReferenceEquals(node.Scope, flow.Scope))
        {
            context.Problems.Report(BpmnRules.FlowLeavesScope, flow.Id, pending.Line,
                $"Sequence flow '{flow.Id}' lies in '{flow.Scope.Id}' but its {end} '{node.Id}' lies in '{node.Scope.Id}'. A sequence flow cannot cross a subprocess border: end the subprocess and continue after it, or use a boundary event.");
            return false;
        }

        if (pending.Kind == PendingKind.FlowSource)
        {
            flow.Source = node;
            node.OutgoingFlows.Add(flow);
        }
        else
        {
            flow.Target = node;
            node.IncomingFlows.Add(flow);
        }

        return true;
    }

    private static void LinkDefaultFlow(ParseContext context, PendingReference pending, Dictionary<string, SequenceFlow> flows, HashSet<BpmnElement> broken)
    {
        var node = (FlowNode)pending.From;
        if (node is not (ExclusiveGateway or InclusiveGateway or Activity))
        {
            context.Problems.Report(BpmnRules.DefaultFlowInvalid, node,
                $"'{node.Id}' names a default flow, but only exclusive and inclusive gateways and activities have one. Remove the default attribute.");
            return;
        }

        if (!flows.TryGetValue(pending.TargetId, out var flow) || broken.Contains(flow) || !ReferenceEquals(flow.Source, node))
        {
            context.Problems.Report(BpmnRules.DefaultFlowInvalid, node,
                $"default=\"{pending.TargetId}\" on '{node.Id}' is not one of its outgoing flows ({Join(node.Outgoing.Select(f => f.Id))}). Choose one of them.");
            return;
        }

        node.DefaultFlow = flow;
    }

    private static bool LinkBoundary(ParseContext context, PendingReference pending)
    {
        var boundary = (BoundaryEvent)pending.From;
        if (!context.Nodes.TryGetValue(pending.TargetId, out var host))
        {
            context.Problems.Report(BpmnRules.DanglingReference, boundary,
                $"attachedToRef=\"{pending.TargetId}\" on boundary event '{boundary.Id}' names no element of this file. Attach it to an existing activity.");
            return false;
        }

        if (host is not Activity activity || host is SubProcess { IsEventSubProcess: true })
        {
            context.Problems.Report(BpmnRules.BoundaryAttachment, boundary,
                $"Boundary event '{boundary.Id}' is attached to '{host.Id}', a {Kind(host)}. Boundary events attach only to tasks, subprocesses and call activities.");
            return false;
        }

        if (!ReferenceEquals(activity.Scope, boundary.Scope))
        {
            context.Problems.Report(BpmnRules.BoundaryAttachment, boundary,
                $"Boundary event '{boundary.Id}' lies in '{boundary.Scope.Id}' but its activity '{activity.Id}' lies in '{activity.Scope.Id}'. Draw the event on the activity's border.");
            return false;
        }

        boundary.AttachedTo = activity;
        activity.Boundaries.Add(boundary);
        return true;
    }

    private static void LinkLane(ParseContext context, PendingReference pending)
    {
        var lane = (Lane)pending.From;
        if (context.Nodes.TryGetValue(pending.TargetId, out var node))
        {
            node.Lane = lane;
            return;
        }

        context.Problems.Report(BpmnRules.DanglingReference, lane,
            $"Lane '{lane.Id}' lists flowNodeRef '{pending.TargetId}', which names no flow node of this file. Remove the reference.");
    }

    private static void RemoveBroken(IReadOnlyList<BpmnProcess> processes, HashSet<BpmnElement> broken)
    {
        if (broken.Count == 0)
        {
            return;
        }

        foreach (var scope in processes.SelectMany(AllScopes).Cast<IScopeContents>())
        {
            foreach (var flow in scope.Flows.Where(broken.Contains))
            {
                flow.Source?.OutgoingFlows.Remove(flow);
                flow.Target?.IncomingFlows.Remove(flow);
            }

            scope.Flows.RemoveAll(broken.Contains);
            scope.Nodes.RemoveAll(broken.Contains);
        }
    }

    private static void UseLeniency(ParseContext context, IFlowScope scope) =>
        context.Problems.Lenient = !ProcessOf(scope).IsExecutable;

    internal static BpmnProcess ProcessOf(IFlowScope scope) =>
        scope as BpmnProcess ?? ProcessOf(scope.ParentScope!);

    internal static IEnumerable<IFlowScope> AllScopes(IFlowScope scope) =>
        new[] { scope }.Concat(scope.FlowNodes.OfType<SubProcess>().Concat(scope.EventSubProcesses).SelectMany(AllScopes));

    private static string Join(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "it has none" : string.Join(", ", list);
    }

    private static string Kind(FlowNode node) => node switch
    {
        Gateway => "gateway",
        Event => "event",
        SubProcess => "event subprocess",
        _ => node.GetType().Name,
    };
}
