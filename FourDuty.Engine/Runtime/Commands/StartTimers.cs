using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Time;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>
/// Timer start events belong to their definition: set when a version is deployed (replacing the previous
/// version's), and each occurrence starts one instance. The timer row changes with every occurrence, so two
/// nodes firing the same occurrence conflict and only one commits.
/// </summary>
internal static class StartTimers
{
    public static void Create(StepContext step, ProcessDefinition definition)
    {
        foreach (var start in definition.Process.StartEvents)
        {
            if (start.Definition is not TimerEventDefinition timer || Schedule(step, timer, start) is not { } schedule
                || schedule.FirstDue(step.Now, step.Services.Zone) is not { } due)
            {
                continue;
            }

            var record = new TimerRecord { Id = step.NewId(), DefinitionId = definition.Id, ElementId = start.Id, DueAt = due };
            step.Session.AddStartTimer(record);
            step.NewTimers.Add(record);
        }
    }

    public static async Task<bool> FireAsync(StepContext step, TimerRecord timer, CancellationToken cancellationToken)
    {
        var record = await step.Session.FindDefinitionAsync(timer.DefinitionId!.Value, cancellationToken);
        if (record is null)
        {
            step.Session.RemoveStartTimer(timer);
            return false;
        }

        var definition = step.Services.Definitions.Get(record);
        var start = (StartEvent)definition.Node(timer.ElementId);
        step.Starter.Start(definition, start, null, NoVariables.Instance);
        timer.FiredCount++;
        var timerDefinition = (TimerEventDefinition)start.Definition!;
        var next = timerDefinition.Kind == TimerKind.Cycle
            ? Schedule(step, timerDefinition, start)?.NextDue(timer.DueAt, timer.FiredCount, step.Services.Zone)
            : null;
        if (next is { } due)
        {
            timer.DueAt = due;
            step.NewTimers.Add(timer);
        }
        else
        {
            step.Session.RemoveStartTimer(timer);
        }

        return true;
    }

    private static TimerSchedule? Schedule(StepContext step, TimerEventDefinition timer, StartEvent start)
    {
        if (timer.Schedule is { } schedule)
        {
            return schedule;
        }

        // A start timer has no instance yet, so its expression sees no variables (only functions such as now()).
        var value = step.Services.Evaluator.Evaluate(timer.Value, new OnlyTheInstant(step.Now));
        return TimerSchedule.TryParse(timer.Kind, value.ToString(), out var evaluated, out _) ? evaluated : null;
    }

    private sealed class OnlyTheInstant(DateTimeOffset now) : IVariableLookup
    {
        public DateTimeOffset? Now => now;

        public bool TryGet(string name, out VariableValue value)
        {
            value = VariableValue.Null;
            return false;
        }
    }
}
