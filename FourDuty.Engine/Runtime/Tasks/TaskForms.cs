using System.Text.Json.Nodes;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// The form of a user task (from its <c>camunda:formKey</c>), and the server-side check of what is submitted to
/// complete it: only what the form declares, of the right types, within its rules. Parsed forms are cached per
/// deployed version (<see cref="FormSchemaCache"/>).
/// </summary>
internal static class TaskForms
{
    /// <summary>The task's form (<see cref="DeployedForms"/>); null when it names none or the form is not deployed.</summary>
    public static async Task<(FormDefinitionRecordInfo Record, FormSchema Schema)?> FindAsync(StepContext step, UserTaskRecord task, Guid definitionId,
        CancellationToken cancellationToken) =>
        task.FormKey is null ? null : await DeployedForms.FindAsync(step, task.FormKey, await step.DefinitionAsync(definitionId, cancellationToken), cancellationToken);

    /// <summary>
    /// The submission checked against the task's form, then against the registered <see cref="Runtime.Tasks.ITaskCompletionCheck"/>s:
    /// the coerced variables, or every field error at once.
    /// </summary>
    /// <exception cref="EngineException">The submission breaks the form's rules or a completion check (<see cref="EngineErrors.InvalidForm"/>, with the field errors).</exception>
    public static async Task<IReadOnlyDictionary<string, VariableValue>> CheckAsync(StepContext step, InstanceState instance, UserTaskRecord task,
        IReadOnlyDictionary<string, VariableValue> submission, string? userId, CancellationToken cancellationToken)
    {
        var variables = await CheckFormAsync(step, instance, task, submission, cancellationToken);
        await CompletionChecks.RunAsync(step, instance, task, variables, userId, cancellationToken);
        return variables;
    }

    private static async Task<IReadOnlyDictionary<string, VariableValue>> CheckFormAsync(StepContext step, InstanceState instance, UserTaskRecord task,
        IReadOnlyDictionary<string, VariableValue> submission, CancellationToken cancellationToken)
    {
        if (await FindAsync(step, task, instance.Instance.DefinitionId, cancellationToken) is not { } form)
        {
            return submission;
        }

        var visible = step.Variables.Visible(instance, instance.Token(task.TokenId)!);
        return Checked(form, submission, visible, "The submission");
    }

    /// <summary>
    /// <paramref name="submission"/> checked against <paramref name="form"/> with <paramref name="input"/> as the form's
    /// input data: the coerced variables, or an <see cref="EngineErrors.InvalidForm"/> with every field error.
    /// </summary>
    internal static IReadOnlyDictionary<string, VariableValue> Checked((FormDefinitionRecordInfo Record, FormSchema Schema) form,
        IReadOnlyDictionary<string, VariableValue> submission, IReadOnlyDictionary<string, VariableValue> input, string what)
    {
        static JsonObject Json(IReadOnlyDictionary<string, VariableValue> values) =>
            new(values.Select(v => KeyValuePair.Create(v.Key, v.Value.Json?.DeepClone())));
        var result = FormValidator.Validate(form.Schema, Json(submission), Json(input));
        if (!result.IsValid)
        {
            throw new EngineException(EngineErrors.InvalidForm,
                $"{what} does not fit the form '{form.Record.Key}': {string.Join(" ", result.Errors.Select(e => e.Message))}")
            {
                Details = result.Errors,
            };
        }

        return result.Variables.ToDictionary(v => v.Key, v => VariableValue.FromJson(v.Value), StringComparer.Ordinal);
    }
}
