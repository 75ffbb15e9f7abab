using System.Text;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// The limits on what an instance stores as variables (<see cref="EngineOptions.MaxVariableBytes"/>,
/// <see cref="EngineOptions.MaxInstanceVariableBytes"/>, <see cref="EngineOptions.MaxVariables"/>) and the rules for
/// variable names. Every write of a variable passes here, so a script stops with an incident on its element and a
/// request is refused (422, <c>ENGINE-VARIABLE-LIMIT</c>) before anything is stored.
/// </summary>
internal static class VariableLimits
{
    /// <exception cref="ExecutionFailure">The name breaks a rule, or the value is over the limit; the message names both.</exception>
    public static void Check(string name, string json, EngineOptions options)
    {
        if (InputRules.Problem(name, "variable name") is { } problem)
        {
            throw new ExecutionFailure(IncidentCodes.VariableLimit, problem);
        }

        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > options.MaxVariableBytes)
        {
            throw new ExecutionFailure(IncidentCodes.VariableLimit,
                $"The variable '{name}' is {bytes:N0} bytes as JSON; a variable may hold at most {options.MaxVariableBytes:N0} bytes (Engine:MaxVariableBytes). " +
                "Keep large content in evidence files and store their ids.");
        }
    }

    /// <summary>The variables a request sends, checked before the step begins.</summary>
    /// <exception cref="EngineException">A name breaks a rule or a value is over a limit (422, <c>ENGINE-VARIABLE-LIMIT</c>).</exception>
    public static Dictionary<string, VariableValue> FromRequest(IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? variables, EngineOptions options)
    {
        var values = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        if (variables is null)
        {
            return values;
        }

        try
        {
            if (variables.Count > options.MaxVariables)
            {
                throw new ExecutionFailure(IncidentCodes.VariableLimit,
                    $"The request sends {variables.Count:N0} variables; an instance may hold at most {options.MaxVariables:N0} (Engine:MaxVariables).");
            }

            foreach (var (name, node) in variables)
            {
                var value = VariableValue.FromJson(node);
                Check(name, value.ToJsonText(), options);
                values[name] = value;
            }
        }
        catch (ExecutionFailure failure)
        {
            throw new EngineException(EngineErrors.VariableLimit, failure.Message);
        }

        return values;
    }

    /// <exception cref="ExecutionFailure">The instance holds too many variables, or too much in all.</exception>
    public static void CheckInstance(IEnumerable<VariableRecord> rows, EngineOptions options)
    {
        var variables = rows as IReadOnlyCollection<VariableRecord> ?? rows.ToList();
        if (variables.Count > options.MaxVariables)
        {
            throw new ExecutionFailure(IncidentCodes.VariableLimit,
                $"The instance would hold {variables.Count:N0} variables; at most {options.MaxVariables:N0} are allowed (Engine:MaxVariables).");
        }

        long total = 0;
        foreach (var variable in variables)
        {
            total += Encoding.UTF8.GetByteCount(variable.Json);
        }

        if (total > options.MaxInstanceVariableBytes)
        {
            var largest = variables.MaxBy(v => v.Json.Length)!;
            throw new ExecutionFailure(IncidentCodes.VariableLimit,
                $"The instance's variables would take {total:N0} bytes as JSON; an instance may hold at most {options.MaxInstanceVariableBytes:N0} bytes " +
                $"(Engine:MaxInstanceVariableBytes). The largest is '{largest.Name}' ({Encoding.UTF8.GetByteCount(largest.Json):N0} bytes).");
        }
    }
}
