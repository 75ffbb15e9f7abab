using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Throws its signal, message or escalation and moves on; a link throw jumps to its catch.</summary>
internal sealed class IntermediateThrowEventBehaviour : IFlowNodeBehaviour
{
    public async ValueTask EnterAsync(Execution.Execution execution)
    {
        var step = execution.Step;
        switch (((Event)execution.Node).Definition)
        {
            case LinkEventDefinition link:
                var target = execution.Node.Scope.FlowNodes.OfType<IntermediateCatchEvent>()
                    .Single(c => c.Definition is LinkEventDefinition l && l.LinkName == link.LinkName);
                step.History.Record(execution.Instance, HistoryEventType.ElementLeft, execution.Node.Id, execution.Token.Id);
                step.Flow.ScheduleEnter(execution.For(execution.Token, target));
                return;
            case EscalationEventDefinition { Escalation: { } escalation }:
                await step.Throwing.ThrowEscalationAsync(execution, Execution.EventThrowing.CodeOf(escalation));
                break;
            default:
                await ThrowEvents.ThrowAsync(execution);
                break;
        }

        execution.Leave();
    }
}
