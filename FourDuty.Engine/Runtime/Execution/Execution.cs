using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>One token at one flow node, with the step it runs in: what a behaviour works with.</summary>
internal sealed class Execution(StepContext step, InstanceState instance, ProcessDefinition definition, TokenRecord token, FlowNode node)
{
    public StepContext Step { get; } = step;

    public InstanceState Instance { get; } = instance;

    public ProcessDefinition Definition { get; } = definition;

    public TokenRecord Token { get; } = token;

    public FlowNode Node { get; } = node;

    public IVariableLookup Variables => Step.Variables.Lookup(Instance, Token);

    /// <summary>The value of a model expression, failing the token with an incident that names the element and the expression.</summary>
    public VariableValue Evaluate(Expression expression, string field)
    {
        try
        {
            return Step.Services.Evaluator.Evaluate(expression, Variables);
        }
        catch (ExpressionException exception)
        {
            throw new ExecutionFailure(IncidentCodes.ExpressionFailed,
                $"The {field} of '{Node.Id}' failed: {exception.Reason}. Expression: {expression.Source}", exception);
        }
    }

    public bool IsTrue(Expression expression, string field) => Evaluate(expression, field).IsTruthy;

    /// <summary>Text from a model value: literal text stays as it is, <c>${...}</c> is evaluated.</summary>
    public string? Text(Expression? expression, string field) =>
        expression is null ? null : Evaluate(expression, field) is { Type: not VariableType.Null } value ? value.ToString() : null;

    /// <summary>Leaves the node by its outgoing flows (after output mappings and everything the node owns).</summary>
    public void Leave() => Step.Flow.ScheduleLeave(this);

    /// <summary>Creates an execution for another token or node in the same step.</summary>
    public Execution For(TokenRecord token, FlowNode node) => new(Step, Instance, Definition, token, node);
}
