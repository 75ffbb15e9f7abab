using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Service and send tasks run their handler as a job, outside the step: the token waits, the job runs the
/// handler (retried with backoff when it throws), and its result resumes the token. A send task without a
/// handler but with a message delivers the message here and moves on.
/// </summary>
internal sealed class ServiceTaskBehaviour : IWaitBehaviour
{
    public async ValueTask EnterAsync(Execution.Execution execution)
    {
        var task = (ServiceTask)execution.Node;
        if (task.Type is null && task is SendTask { Message: { } message })
        {
            await ThrowEvents.SendMessageAsync(execution, message.Name);
            execution.Leave();
            return;
        }

        execution.Step.Waits.AddJob(execution.Instance, execution.Token, task.Id, JobKind.ServiceTask, task.Type);
    }

    public ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        var task = (ServiceTask)execution.Node;
        var variables = new Dictionary<string, Variables.VariableValue>(trigger.Variables);
        if (task.ResultVariable is { } resultVariable && trigger is JobCompleted { Result: { } result })
        {
            variables[resultVariable] = result;
        }

        execution.Step.Variables.Set(execution.Instance, execution.Token, variables);
        execution.Leave();
        return ValueTask.CompletedTask;
    }
}
