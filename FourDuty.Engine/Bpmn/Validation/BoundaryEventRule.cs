using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Boundary events are attached to something that can raise what they catch.</summary>
internal sealed class BoundaryEventRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        foreach (var boundary in process.AllFlowNodes.OfType<BoundaryEvent>())
        {
            switch (boundary.Definition)
            {
                case ErrorEventDefinition when !boundary.CancelActivity:
                    problems.Report(BpmnRules.BoundaryAttachment, boundary,
                        $"Error boundary event '{boundary.Id}' is non-interrupting; an error always ends the activity it leaves. Set cancelActivity=\"true\".");
                    break;
                case ErrorEventDefinition when boundary.AttachedTo is AbstractTask or ManualTask or ReceiveTask:
                    problems.Report(BpmnRules.BoundaryAttachment, boundary,
                        $"Error boundary event '{boundary.Id}' is attached to '{boundary.AttachedTo.Id}', which can never throw an error. Attach it to a subprocess, call activity, service, script or user task.");
                    break;
                case EscalationEventDefinition when boundary.AttachedTo is not (SubProcess or CallActivity):
                    problems.Report(BpmnRules.BoundaryAttachment, boundary,
                        $"Escalation boundary event '{boundary.Id}' is attached to '{boundary.AttachedTo.Id}', which cannot raise an escalation. Attach it to a subprocess or call activity that throws one.");
                    break;
            }
        }
    }
}
