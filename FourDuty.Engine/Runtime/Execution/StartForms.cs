using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// The start form of a process (a plain start event's <c>camunda:formKey</c>, as in Camunda 7), and the check of the
/// variables a start brings against it: a process that asks for a form is started only with what the form allows,
/// exactly as a task with a form is completed only with it.
/// </summary>
internal static class StartForms
{
    /// <summary>The form the start event names, found as a task finds its form (this deployment first, then the latest); null without one.</summary>
    public static async Task<(FormDefinitionRecordInfo Record, FormSchema Schema)?> FindAsync(StepContext step, ProcessDefinition definition,
        StartEvent start, CancellationToken cancellationToken)
    {
        return await DeployedForms.FindAsync(step, start.FormKey, definition, cancellationToken);
    }

    /// <summary>The start's variables checked against the start form: the coerced variables, or every field error at once.</summary>
    /// <exception cref="EngineException">The variables break the form's rules (<see cref="EngineErrors.InvalidForm"/>, with the field errors).</exception>
    public static async Task<IReadOnlyDictionary<string, VariableValue>> CheckAsync(StepContext step, ProcessDefinition definition, StartEvent start,
        IReadOnlyDictionary<string, VariableValue> variables, CancellationToken cancellationToken)
    {
        if (await FindAsync(step, definition, start, cancellationToken) is not { } form)
        {
            return variables;
        }

        return TaskForms.Checked(form, variables, new Dictionary<string, VariableValue>(), "The start");
    }
}
