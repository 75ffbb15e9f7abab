using FourDuty.Engine.Expressions;

namespace FourDuty.Engine.Bpmn;

/// <summary><c>camunda:inputOutput</c>: input parameters become local variables; output parameters are written back.</summary>
public sealed record InputOutputMapping(IReadOnlyList<Parameter> Inputs, IReadOnlyList<Parameter> Outputs);

/// <summary>One <c>camunda:inputParameter</c> or <c>camunda:outputParameter</c>.</summary>
public sealed record Parameter(string Name, ParameterValue Value);

/// <summary>The value of a parameter: an expression, a list, a map or a script.</summary>
public abstract record ParameterValue;

/// <summary>A text or <c>${...}</c> value.</summary>
public sealed record ExpressionValue(Expression Expression) : ParameterValue;

/// <summary><c>camunda:list</c>.</summary>
public sealed record ListValue(IReadOnlyList<ParameterValue> Items) : ParameterValue;

/// <summary><c>camunda:map</c>, keys in document order.</summary>
public sealed record MapValue(IReadOnlyList<KeyValuePair<string, ParameterValue>> Entries) : ParameterValue;

/// <summary><c>camunda:script</c> in JavaScript.</summary>
public sealed record ScriptValue(string Script) : ParameterValue;
