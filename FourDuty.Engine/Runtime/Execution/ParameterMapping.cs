using System.Text.Json.Nodes;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// <c>camunda:inputOutput</c>: input parameters become local variables of the activity (in a scope of its
/// own, owned by its token); output parameters are evaluated there and written to the enclosing scope.
/// </summary>
internal static class ParameterMapping
{
    public static void ApplyInputs(Execution execution)
    {
        if (execution.Node.InputOutput is not { Inputs.Count: > 0 } mapping)
        {
            return;
        }

        var values = Evaluate(execution, mapping.Inputs, "input parameter");
        var step = execution.Step;
        var scope = step.Scopes.Create(execution.Instance, execution.Token.ScopeId, ScopeKind.Activity, execution.Node.Id, execution.Token.Id);
        step.Variables.SetLocal(execution.Instance, scope.Id, values);
    }

    public static void ApplyOutputs(Execution execution)
    {
        var instance = execution.Instance;
        var step = execution.Step;
        if (execution.Node.InputOutput is { Outputs.Count: > 0 } mapping)
        {
            step.Variables.Set(instance, execution.Token.ScopeId, Evaluate(execution, mapping.Outputs, "output parameter"));
        }

        foreach (var scope in instance.Scopes.Where(s => s.Kind == ScopeKind.Activity && s.OwnerTokenId == execution.Token.Id).ToList())
        {
            step.Scopes.Remove(instance, scope);
        }
    }

    private static Dictionary<string, VariableValue> Evaluate(Execution execution, IReadOnlyList<Parameter> parameters, string kind)
    {
        var values = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            values[parameter.Name] = Value(execution, parameter.Value, $"{kind} '{parameter.Name}'");
        }

        return values;
    }

    private static VariableValue Value(Execution execution, ParameterValue value, string field) => value switch
    {
        ExpressionValue expression => execution.Evaluate(expression.Expression, field),
        ListValue list => new VariableValue(VariableType.List,
            new JsonArray(list.Items.Select(item => Value(execution, item, field).Json?.DeepClone()).ToArray())),
        MapValue map => new VariableValue(VariableType.Object,
            new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, Value(execution, e.Value, field).Json?.DeepClone())))),
        ScriptValue script => RunScript(execution, script.Script, field),
        _ => VariableValue.Null,
    };

    private static VariableValue RunScript(Execution execution, string script, string field)
    {
        try
        {
            return execution.Step.Services.Evaluator.RunScript(script, execution.Variables, (_, _) => { });
        }
        catch (ExpressionException exception)
        {
            throw new ExecutionFailure(IncidentCodes.ExpressionFailed, $"The script of the {field} of '{execution.Node.Id}' failed: {exception.Reason}.", exception);
        }
    }
}
