using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>Runs the layers' <see cref="ITaskCompletionCheck"/>s on a completion that passed its form, and refuses it as a form refuses one.</summary>
internal static class CompletionChecks
{
    /// <exception cref="EngineException">A check found field errors (<see cref="EngineErrors.InvalidForm"/>, with every error of every check).</exception>
    public static async Task RunAsync(StepContext step, InstanceState instance, UserTaskRecord task, IReadOnlyDictionary<string, VariableValue> variables,
        string? userId, CancellationToken cancellationToken)
    {
        if (step.Services.CompletionChecks.Count == 0)
        {
            return;
        }

        var lookup = step.Variables.Lookup(instance, instance.Token(task.TokenId)!);
        var completion = new TaskCompletion
        {
            Task = task,
            Element = (await step.DefinitionOfAsync(instance, cancellationToken)).Node(task.ElementId),
            Instance = instance.Instance,
            UserId = userId,
            Submitted = variables.ToDictionary(v => v.Key, v => v.Value.Json?.DeepClone(), StringComparer.Ordinal),
            Variable = name => lookup.TryGet(name, out var value) ? value.Json?.DeepClone() : null,
            Now = step.Now,
        };
        var errors = new List<FormFieldError>();
        foreach (var check in step.Services.CompletionChecks)
        {
            errors.AddRange(await check.CheckAsync(completion, cancellationToken));
        }

        if (errors.Count > 0)
        {
            throw new EngineException(EngineErrors.InvalidForm,
                $"The submission breaks a rule of task '{task.ElementId}': {string.Join(" ", errors.Select(e => e.Message))}")
            {
                Details = errors,
            };
        }
    }
}
