using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// Variables live in scopes. A token sees its activity's local variables first, then those of its scope and
/// each enclosing scope up to the process. Setting a variable updates it where it is visible, or creates it
/// on the process (Camunda's rule); setting a local variable always writes the given scope.
/// </summary>
internal sealed class VariableScopes(StepContext step)
{
    /// <summary>
    /// The name under which an expression reads where it runs, as in Camunda: <c>execution.processInstanceId</c>,
    /// <c>execution.processBusinessKey</c>, <c>execution.processDefinitionKey</c> and <c>execution.currentActivityId</c>.
    /// A variable of that name, if a model sets one, wins.
    /// </summary>
    public const string ExecutionName = "execution";

    public IVariableLookup Lookup(InstanceState instance, TokenRecord token) =>
        new ChainLookup(instance, Chain(instance, token), step.Now, token.ElementId);

    public IVariableLookup Lookup(InstanceState instance, Guid scopeId) => new ChainLookup(instance, Chain(instance, scopeId), step.Now, null);

    /// <summary>Sets each variable where it is visible from the token, else on the process; one history event.</summary>
    public void Set(InstanceState instance, TokenRecord token, IReadOnlyDictionary<string, VariableValue> values) =>
        SetAll(instance, values, name => Find(instance, Chain(instance, token), name)?.ScopeId ?? instance.RootScope.Id, token.ElementId);

    public void Set(InstanceState instance, Guid scopeId, IReadOnlyDictionary<string, VariableValue> values) =>
        SetAll(instance, values, name => Find(instance, Chain(instance, scopeId), name)?.ScopeId ?? instance.RootScope.Id, null);

    public void SetLocal(InstanceState instance, Guid scopeId, IReadOnlyDictionary<string, VariableValue> values) =>
        SetAll(instance, values, _ => scopeId, null);

    /// <summary>Every variable the token sees, by name, the nearest scope's value winning.</summary>
    public Dictionary<string, VariableValue> Visible(InstanceState instance, TokenRecord token)
    {
        var visible = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        foreach (var scopeId in Chain(instance, token))
        {
            foreach (var variable in instance.Variables.Where(v => v.ScopeId == scopeId))
            {
                visible.TryAdd(variable.Name, VariableValue.FromStored(variable.Type, variable.Json));
            }
        }

        return visible;
    }

    public void RemoveScope(InstanceState instance, Guid scopeId)
    {
        foreach (var variable in instance.Variables.Where(v => v.ScopeId == scopeId).ToList())
        {
            instance.Variables.Remove(variable);
        }
    }

    private void SetAll(InstanceState instance, IReadOnlyDictionary<string, VariableValue> values, Func<string, Guid> scopeOf, string? elementId)
    {
        if (values.Count == 0)
        {
            return;
        }

        var options = step.Services.Options;
        foreach (var (name, value) in values)
        {
            var json = value.ToJsonText();
            VariableLimits.Check(name, json, options);
            var scopeId = scopeOf(name);
            var existing = instance.Variables.FirstOrDefault(v => v.ScopeId == scopeId && v.Name == name);
            if (existing is null)
            {
                instance.Variables.Add(new VariableRecord
                {
                    Id = step.NewId(),
                    InstanceId = instance.Instance.Id,
                    ScopeId = scopeId,
                    Name = name,
                    Type = value.Type,
                    Json = json,
                });
            }
            else
            {
                existing.Type = value.Type;
                existing.Json = json;
            }
        }

        VariableLimits.CheckInstance(instance.Variables, options);
        step.History.Record(instance, HistoryEventType.VariablesChanged, elementId,
            details: JsonSerializer.Serialize(values.ToDictionary(v => v.Key, v => v.Value.Json)));
    }

    /// <summary>The scopes a token sees, nearest first: its activity scope, then its scope chain.</summary>
    private static List<Guid> Chain(InstanceState instance, TokenRecord token)
    {
        var chain = new List<Guid>();
        foreach (var scope in instance.Scopes)
        {
            if (scope.Kind == ScopeKind.Activity && scope.OwnerTokenId == token.Id)
            {
                chain.Add(scope.Id);
            }
        }

        chain.AddRange(Chain(instance, token.ScopeId));
        return chain;
    }

    // A subprocess's input parameters live in the activity scope of the token that entered it; as in Camunda they are
    // local variables of the subprocess, seen (and set) by everything inside it, so each subprocess scope is followed by
    // its owner's activity scope. That is how a multi-instance subprocess keeps each instance's form values apart.
    private static List<Guid> Chain(InstanceState instance, Guid scopeId)
    {
        var chain = new List<Guid>();
        for (var scope = instance.Scope(scopeId); scope is not null; scope = scope.ParentScopeId is { } parent ? instance.Scope(parent) : null)
        {
            chain.Add(scope.Id);
            if (scope.Kind == ScopeKind.SubProcess && scope.OwnerTokenId is { } owner)
            {
                chain.AddRange(instance.Scopes.Where(s => s.Kind == ScopeKind.Activity && s.OwnerTokenId == owner).Select(s => s.Id));
            }
        }

        return chain;
    }

    private static VariableRecord? Find(InstanceState instance, List<Guid> chain, string name)
    {
        foreach (var scopeId in chain)
        {
            foreach (var variable in instance.Variables)
            {
                if (variable.ScopeId == scopeId && variable.Name == name)
                {
                    return variable;
                }
            }
        }

        return null;
    }

    private sealed class ChainLookup(InstanceState instance, List<Guid> chain, DateTimeOffset now, string? elementId) : IVariableLookup
    {
        public DateTimeOffset? Now => now;

        public bool TryGet(string name, out VariableValue value)
        {
            if (Find(instance, chain, name) is { } variable)
            {
                value = VariableValue.FromStored(variable.Type, variable.Json);
                return true;
            }

            if (name == ExecutionName)
            {
                value = Execution();
                return true;
            }

            value = VariableValue.Null;
            return false;
        }

        // Built on demand: most expressions never name it. Without it a model could not hand on the instance a
        // deadline was missed in (a message's payload is evaluated here, the receiver runs in another instance).
        private VariableValue Execution() => VariableValue.FromJson(new JsonObject
        {
            ["processInstanceId"] = instance.Instance.Id.ToString(),
            ["processBusinessKey"] = instance.Instance.BusinessKey,
            ["processDefinitionKey"] = instance.Instance.DefinitionKey,
            ["currentActivityId"] = elementId,
        });
    }
}
