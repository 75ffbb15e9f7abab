using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Behaviours;

/// <summary>
/// Starts the called process with the <c>camunda:in</c> variables and business key, waits for it to end, then
/// copies the <c>camunda:out</c> variables back. Only mapped variables cross; a mapped variable that does not
/// exist arrives as null.
/// </summary>
internal sealed class CallActivityBehaviour : IWaitBehaviour
{
    public async ValueTask EnterAsync(Execution.Execution execution)
    {
        var call = (CallActivity)execution.Node;
        var step = execution.Step;
        var key = execution.Text(call.CalledElement!, "calledElement")!;
        var record = call.Binding switch
        {
            CalledVersionBinding.Version => await step.Session.FindDefinitionAsync(key, call.Version, default),
            CalledVersionBinding.Deployment => await SameDeploymentAsync(execution, key),
            CalledVersionBinding.VersionTag => await FindByTagAsync(execution, key, call.VersionTag ?? ""),
            _ => await step.Session.FindDefinitionAsync(key, null, default),
        } ?? throw new ExecutionFailure(IncidentCodes.CalledProcessMissing,
            $"Call activity '{call.Id}' calls '{key}' ({call.Binding.ToString().ToLowerInvariant()} binding), which is not deployed. Deploy it, then retry.");

        var inputs = Map(call.Inputs, step.Variables.Visible(execution.Instance, execution.Token), execution.Variables, execution);
        var businessKey = execution.Text(call.BusinessKey, "business key");
        step.Starter.Start(step.Services.Definitions.Get(record), null, businessKey, inputs, (execution.Instance, execution.Token));
    }

    public ValueTask TriggerAsync(Execution.Execution execution, Trigger trigger)
    {
        var called = ((CalledInstanceEnded)trigger).Called;
        var step = execution.Step;
        var calledRoot = called.RootScope;
        var calledVariables = step.Variables.Lookup(called, calledRoot.Id);
        var all = called.Variables.Where(v => v.ScopeId == calledRoot.Id)
            .ToDictionary(v => v.Name, v => VariableValue.FromStored(v.Type, v.Json), StringComparer.Ordinal);
        var outputs = Map(((CallActivity)execution.Node).Outputs, all, calledVariables, execution);
        execution.Token.CalledInstanceId = null;
        step.Variables.Set(execution.Instance, execution.Token, outputs);
        execution.Leave();
        return ValueTask.CompletedTask;
    }

    private static Dictionary<string, VariableValue> Map(IReadOnlyList<VariableMapping> mappings, IReadOnlyDictionary<string, VariableValue> all,
        IVariableLookup source, Execution.Execution execution)
    {
        var result = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (mapping.AllVariables)
            {
                foreach (var (name, value) in all)
                {
                    result[name] = value;
                }
            }
            else if (mapping.SourceExpression is { } expression)
            {
                result[mapping.Target!] = Evaluate(execution, expression, source);
            }
            else
            {
                result[mapping.Target!] = source.TryGet(mapping.Source!, out var value) ? value : VariableValue.Null;
            }
        }

        return result;
    }

    private static VariableValue Evaluate(Execution.Execution execution, Expression expression, IVariableLookup variables)
    {
        try
        {
            return execution.Step.Services.Evaluator.Evaluate(expression, variables);
        }
        catch (ExpressionException exception)
        {
            throw new ExecutionFailure(IncidentCodes.ExpressionFailed,
                $"A variable mapping of '{execution.Node.Id}' failed: {exception.Reason}. Expression: {expression.Source}", exception);
        }
    }

    private static async Task<ProcessDefinitionRecord?> SameDeploymentAsync(Execution.Execution execution, string key)
    {
        var session = execution.Step.Session;
        var caller = await session.FindDefinitionAsync(execution.Definition.Id, default);
        var latest = await session.FindDefinitionAsync(key, null, default);
        for (var version = latest?.Version ?? 0; version > 0; version--)
        {
            if (await session.FindDefinitionAsync(key, version, default) is { } candidate && candidate.DeploymentId == caller?.DeploymentId)
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<ProcessDefinitionRecord?> FindByTagAsync(Execution.Execution execution, string key, string tag)
    {
        var session = execution.Step.Session;
        var latest = await session.FindDefinitionAsync(key, null, default);
        for (var version = latest?.Version ?? 0; version > 0; version--)
        {
            if (await session.FindDefinitionAsync(key, version, default) is { } candidate && candidate.VersionTag == tag)
            {
                return candidate;
            }
        }

        return null;
    }
}
