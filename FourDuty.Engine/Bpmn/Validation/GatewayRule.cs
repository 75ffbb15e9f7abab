using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Gateways have the flows they need, and their conditions are where they are evaluated.</summary>
internal sealed class GatewayRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        foreach (var gateway in process.AllFlowNodes.OfType<Gateway>())
        {
            CheckCounts(gateway, problems);
            switch (gateway)
            {
                case ExclusiveGateway or InclusiveGateway:
                    CheckConditions(gateway, problems);
                    break;
                case ParallelGateway:
                    WarnIgnoredConditions(gateway, "a parallel gateway takes every outgoing flow", problems);
                    break;
                case EventBasedGateway:
                    CheckEventTargets(gateway, problems);
                    WarnIgnoredConditions(gateway, "an event-based gateway follows whichever event comes first", problems);
                    break;
            }
        }
    }

    private static void CheckCounts(Gateway gateway, ProblemCollector problems)
    {
        if (gateway.Incoming.Count == 0)
        {
            problems.Report(BpmnRules.GatewayFlowCount, gateway,
                $"Gateway '{gateway.Id}' has no incoming sequence flow, so no token can reach it. Connect a flow into it.");
        }

        if (gateway.Outgoing.Count == 0)
        {
            problems.Report(BpmnRules.GatewayFlowCount, gateway,
                $"Gateway '{gateway.Id}' has no outgoing sequence flow, so tokens would stop there. Connect a flow out of it.");
        }
        else if (gateway is EventBasedGateway && gateway.Outgoing.Count < 2)
        {
            problems.Report(BpmnRules.GatewayFlowCount, gateway,
                $"Event-based gateway '{gateway.Id}' has one outgoing flow; it chooses between at least two events. Add the alternative events, or use an intermediate catch event alone.");
        }
        else if (gateway is not EventBasedGateway && gateway.Incoming.Count == 1 && gateway.Outgoing.Count == 1)
        {
            problems.Report(BpmnRules.GatewayPassThrough, gateway,
                $"Gateway '{gateway.Id}' has one incoming and one outgoing flow, so it neither splits nor joins. Remove it, or add the missing flows.");
        }
    }

    private static void CheckConditions(Gateway gateway, ProblemCollector problems)
    {
        if (gateway.DefaultFlow is { Condition: not null } defaultFlow)
        {
            problems.Report(BpmnRules.ConditionIgnored, defaultFlow,
                $"Sequence flow '{defaultFlow.Id}' is the default flow of '{gateway.Id}', so its condition is never evaluated. Remove the condition.");
        }

        if (gateway.Outgoing.Count < 2)
        {
            return;
        }

        var kind = gateway is ExclusiveGateway ? "exclusive" : "inclusive";
        foreach (var flow in gateway.Outgoing.Where(f => !f.HasConditionElement && !f.IsDefault))
        {
            problems.Report(BpmnRules.ConditionMissing, flow,
                $"Sequence flow '{flow.Id}' leaves {kind} gateway '{gateway.Id}', which has {gateway.Outgoing.Count} outgoing flows, but has no condition and is not the default flow. Add a condition such as ${{approved == true}}, or make it the gateway's default flow.");
        }
    }

    private static void WarnIgnoredConditions(Gateway gateway, string why, ProblemCollector problems)
    {
        foreach (var flow in gateway.Outgoing.Where(f => f.Condition is not null))
        {
            problems.Report(BpmnRules.ConditionIgnored, flow,
                $"Sequence flow '{flow.Id}' has a condition, but {why}; the condition is ignored. Remove it, or use an exclusive or inclusive gateway.");
        }
    }

    private static void CheckEventTargets(Gateway gateway, ProblemCollector problems)
    {
        foreach (var flow in gateway.Outgoing)
        {
            var target = flow.Target;
            var waits = target is ReceiveTask
                || target is IntermediateCatchEvent { Definition: TimerEventDefinition or MessageEventDefinition or SignalEventDefinition }
                || target is IntermediateCatchEvent { Definition: null, HasTriggerElement: true }; // its trigger is already reported
            if (!waits)
            {
                problems.Report(BpmnRules.EventGatewayTarget, target,
                    $"Event-based gateway '{gateway.Id}' leads to '{target.Id}', which does not wait for an event. After an event-based gateway put intermediate catch events (message, timer, signal) or receive tasks.");
            }
            else if (target.Incoming.Count > 1)
            {
                problems.Report(BpmnRules.EventGatewayTarget, target,
                    $"'{target.Id}' follows event-based gateway '{gateway.Id}' but has {target.Incoming.Count} incoming flows. An event after an event-based gateway must be reached only from it.");
            }
        }
    }
}
