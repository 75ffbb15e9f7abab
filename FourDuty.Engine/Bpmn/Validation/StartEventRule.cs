using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Every scope can be started in exactly one unambiguous way.</summary>
internal sealed class StartEventRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        var starts = process.StartEvents.ToList();
        if (starts.Count == 0)
        {
            problems.Report(BpmnRules.NoStartEvent, process,
                $"Process '{process.Id}' has no start event, so it can never start. Add a start event.");
        }

        var noneStarts = starts.Where(s => s is { Definition: null, HasTriggerElement: false }).ToList();
        if (noneStarts.Count > 1)
        {
            problems.Report(BpmnRules.StartEventCount, noneStarts[1],
                $"Process '{process.Id}' has {noneStarts.Count} plain start events ({string.Join(", ", noneStarts.Select(s => s.Id))}); a start request would not know which to use. Keep one, or give the others a trigger.");
        }

        foreach (var scope in ReferenceLinker.AllScopes(process).OfType<SubProcess>())
        {
            CheckSubProcess(scope, problems);
        }
    }

    private static void CheckSubProcess(SubProcess scope, ProblemCollector problems)
    {
        var starts = scope.StartEvents.ToList();
        if (scope.IsEventSubProcess)
        {
            if (starts.Count != 1)
            {
                problems.Report(BpmnRules.StartEventCount, scope,
                    $"Event subprocess '{scope.Id}' has {starts.Count} start events; it needs exactly one, whose trigger starts it.");
            }
            else if (starts[0] is { Definition: ErrorEventDefinition, IsInterrupting: false } start)
            {
                problems.Report(BpmnRules.TriggerNotAllowed, start,
                    $"Error start event '{start.Id}' is non-interrupting; an error always interrupts. Set isInterrupting=\"true\".");
            }

            return;
        }

        if (starts.Count != 1)
        {
            problems.Report(BpmnRules.StartEventCount, scope,
                $"Subprocess '{scope.Id}' has {starts.Count} start events; an embedded subprocess needs exactly one plain start event.");
        }
    }
}
