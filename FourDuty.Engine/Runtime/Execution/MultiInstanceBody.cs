using System.Text.Json.Nodes;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Runs a multi-instance activity: the token that arrives waits at the activity as the body, which holds
/// <c>nrOfInstances</c>, <c>nrOfCompletedInstances</c> and <c>nrOfActiveInstances</c>; each instance runs in a
/// scope of its own with <c>loopCounter</c> (from 0) and the element variable, all at once (parallel) or one
/// after another (sequential). When the completion condition holds, the remaining instances are cancelled.
/// </summary>
internal static class MultiInstanceBody
{
    public const string Instances = "nrOfInstances";
    public const string Completed = "nrOfCompletedInstances";
    public const string Active = "nrOfActiveInstances";
    public const string LoopCounter = "loopCounter";

    /// <summary>True for a token that runs one instance of the activity it is at, rather than the body.</summary>
    public static bool IsInnerToken(Execution execution) =>
        execution.Instance.Scope(execution.Token.ScopeId) is { Kind: ScopeKind.MultiInstanceItem } scope
        && scope.ElementId == execution.Node.Id;

    public static ValueTask EnterAsync(Execution execution)
    {
        var activity = (Activity)execution.Node;
        var characteristics = activity.MultiInstance!;
        var items = Items(execution, characteristics);
        var count = items?.Count ?? Cardinality(execution, characteristics);
        BoundaryWaits.Open(execution);
        if (count == 0)
        {
            execution.Leave();
            return ValueTask.CompletedTask;
        }

        var step = execution.Step;
        var body = step.Scopes.Create(execution.Instance, execution.Token.ScopeId, ScopeKind.MultiInstanceBody, activity.Id, execution.Token.Id);
        step.Variables.SetLocal(execution.Instance, body.Id, new Dictionary<string, VariableValue>
        {
            [Instances] = VariableValue.From(count),
            [Completed] = VariableValue.From(0),
            [Active] = VariableValue.From(characteristics.IsSequential ? 1 : count),
        });
        for (var i = 0; i < (characteristics.IsSequential ? 1 : count); i++)
        {
            StartInstance(execution, body, i, items);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>One instance finished: count it, and either start the next, or end the body when done.</summary>
    public static async ValueTask InstanceDoneAsync(Execution inner)
    {
        var step = inner.Step;
        var instance = inner.Instance;
        var item = instance.Scope(inner.Token.ScopeId)!;
        var body = instance.Scope(item.ParentScopeId!.Value)!;
        var characteristics = ((Activity)inner.Node).MultiInstance!;

        var counters = step.Variables.Lookup(instance, body.Id);
        var total = Number(counters, Instances);
        var completed = Number(counters, Completed) + 1;
        var active = Number(counters, Active) - 1;
        step.Variables.SetLocal(instance, body.Id, new Dictionary<string, VariableValue>
        {
            [Completed] = VariableValue.From(completed),
            [Active] = VariableValue.From(active),
        });

        var done = completed >= total
            || (characteristics.CompletionCondition is { } condition && inner.IsTrue(condition, "completion condition"));
        instance.Tokens.Remove(inner.Token);
        step.Scopes.Remove(instance, item);
        var owner = instance.Token(body.OwnerTokenId!.Value)!;
        var outer = inner.For(owner, inner.Node);
        if (done)
        {
            await step.Cancellation.CancelScopeAsync(instance, body);
            outer.Leave();
        }
        else if (characteristics.IsSequential)
        {
            StartInstance(outer, body, completed, Items(outer, characteristics));
        }
    }

    private static void StartInstance(Execution outer, ScopeRecord body, int index, IReadOnlyList<JsonNode?>? items)
    {
        var step = outer.Step;
        var characteristics = ((Activity)outer.Node).MultiInstance!;
        var item = step.Scopes.Create(outer.Instance, body.Id, ScopeKind.MultiInstanceItem, outer.Node.Id, ownerTokenId: null);
        var locals = new Dictionary<string, VariableValue> { [LoopCounter] = VariableValue.From(index) };
        if (characteristics.ElementVariable is { } name && items is not null)
        {
            locals[name] = VariableValue.FromJson(items[index]);
        }

        step.Variables.SetLocal(outer.Instance, item.Id, locals);
        var token = step.Flow.NewToken(outer.Instance, item.Id, outer.Node.Id);
        step.Flow.ScheduleEnter(outer.For(token, outer.Node));
    }

    private static List<JsonNode?>? Items(Execution execution, MultiInstanceCharacteristics characteristics)
    {
        if (characteristics.Collection is not { } collection)
        {
            return null;
        }

        // A bare name (Camunda's camunda:collection="assigneeList") names a variable; ${...} is evaluated.
        var value = collection.IsLiteral
            ? execution.Variables.TryGet(collection.Source, out var variable)
                ? variable
                : throw new ExecutionFailure(IncidentCodes.ExpressionFailed,
                    $"The multi-instance collection of '{execution.Node.Id}' names the variable '{collection.Source}', which does not exist.")
            : execution.Evaluate(collection, "multi-instance collection");
        return value is { Type: VariableType.List, Json: JsonArray array }
            ? array.ToList()
            : throw new ExecutionFailure(IncidentCodes.InvalidValue,
                $"The multi-instance collection of '{execution.Node.Id}' is {value.Type.ToString().ToLowerInvariant()} '{value}', not a list.");
    }

    private static int Cardinality(Execution execution, MultiInstanceCharacteristics characteristics)
    {
        var value = execution.Evaluate(characteristics.LoopCardinality!, "loop cardinality");
        var number = value.Type switch
        {
            VariableType.Number => value.Json!.GetValue<double>(),
            VariableType.String when double.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => -1,
        };
        return number >= 0 && number == Math.Floor(number) && number <= 100_000
            ? (int)number
            : throw new ExecutionFailure(IncidentCodes.InvalidValue,
                $"The loop cardinality of '{execution.Node.Id}' is '{value}', not a whole number from 0 to 100,000.");
    }

    private static int Number(Expressions.IVariableLookup variables, string name) =>
        variables.TryGet(name, out var value) && value.Type == VariableType.Number ? (int)value.Json!.GetValue<double>() : 0;
}
