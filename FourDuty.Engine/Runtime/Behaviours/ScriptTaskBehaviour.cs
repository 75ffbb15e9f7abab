using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>Runs its JavaScript in the sandbox within the step; <c>execution.setVariable</c> writes variables.</summary>
internal sealed class ScriptTaskBehaviour : IFlowNodeBehaviour
{
    public ValueTask EnterAsync(Execution.Execution execution)
    {
        var task = (ScriptTask)execution.Node;
        var written = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        VariableValue result;
        try
        {
            result = execution.Step.Services.Evaluator.RunScript(task.Script, execution.Variables, (name, value) => written[name] = value);
        }
        catch (ExpressionException exception)
        {
            throw new ExecutionFailure(IncidentCodes.ExpressionFailed, $"The script of '{task.Id}' failed: {exception.Reason}.", exception);
        }

        if (task.ResultVariable is { } resultVariable)
        {
            written[resultVariable] = result;
        }

        execution.Step.Variables.Set(execution.Instance, execution.Token, written);
        execution.Leave();
        return ValueTask.CompletedTask;
    }
}
