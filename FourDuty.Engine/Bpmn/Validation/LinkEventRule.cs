using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Every link throw has exactly one catch of the same name in its scope.</summary>
internal sealed class LinkEventRule : IProcessRule
{
    public void Check(BpmnProcess process, ProblemCollector problems)
    {
        foreach (var scope in ReferenceLinker.AllScopes(process))
        {
            var catches = scope.FlowNodes.OfType<IntermediateCatchEvent>()
                .Where(e => e.Definition is LinkEventDefinition)
                .GroupBy(e => ((LinkEventDefinition)e.Definition!).LinkName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var (name, events) in catches.Where(c => c.Value.Count > 1))
            {
                problems.Report(BpmnRules.LinkUnmatched, events[1],
                    $"The link name '{name}' is caught by {events.Count} events in '{scope.Id}' ({string.Join(", ", events.Select(e => e.Id))}). A link name must be caught once per scope.");
            }

            foreach (var thrower in scope.FlowNodes.OfType<IntermediateThrowEvent>().Where(e => e.Definition is LinkEventDefinition))
            {
                var name = ((LinkEventDefinition)thrower.Definition!).LinkName;
                if (!catches.ContainsKey(name))
                {
                    problems.Report(BpmnRules.LinkUnmatched, thrower,
                        $"Link throw '{thrower.Id}' jumps to link '{name}', but no link catch event in '{scope.Id}' has that name. Add the catch or fix the name.");
                }
            }
        }
    }
}
