using FourDuty.Engine.Bpmn.Parsing;

namespace FourDuty.Engine.Bpmn.Validation;

/// <summary>Checks a linked model against the rules that make it runnable, one rule class per concern.</summary>
internal static class BpmnValidator
{
    private static readonly IProcessRule[] Rules =
    [
        new StartEventRule(),
        new FlowDirectionRule(),
        new GatewayRule(),
        new BoundaryEventRule(),
        new LinkEventRule(),
        new ReachabilityRule(),
    ];

    public static void Validate(BpmnModel model, ProblemCollector problems)
    {
        foreach (var process in model.Processes)
        {
            problems.Lenient = !process.IsExecutable;
            foreach (var rule in Rules)
            {
                rule.Check(process, problems);
            }
        }

        problems.Lenient = false;
    }
}

/// <summary>One validation concern, applied to a whole process.</summary>
internal interface IProcessRule
{
    void Check(BpmnProcess process, ProblemCollector problems);
}
