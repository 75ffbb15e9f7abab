using System.Globalization;
using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Variables;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace FourDuty.Engine.Expressions;

/// <summary>One Jint engine with the sandbox limits, and the conversions between variables and JavaScript values.</summary>
internal sealed class SandboxEngine
{
    private readonly TimeProvider _clock;
    private readonly HashSet<string> _builtins;
    private readonly List<string> _bound = [];
    private DateTimeOffset? _instant;
    private readonly JsonParser _jsonParser;
    private readonly JsonSerializer _jsonSerializer;

    public SandboxEngine(TimeProvider clock, ExpressionOptions options, ExpressionFunctions functions, bool strict)
    {
        _clock = clock;
        Engine = new Jint.Engine(o =>
        {
            o.Strict = strict;
            o.TimeoutInterval(options.Timeout);
            o.MaxStatements(options.MaxStatements);
            o.LimitMemory(options.MaxMemoryBytes);
            o.LimitRecursion(options.MaxRecursion);
            o.TimeSystem = new EvaluationTimeSystem(() => Now);
            o.Culture = CultureInfo.InvariantCulture;
            o.Host.StringCompilationAllowed = false;
        });
        functions.InstallInto(Engine, () => Now);
        _builtins = Engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        _jsonParser = new JsonParser(Engine);
        _jsonSerializer = new JsonSerializer(Engine);
    }

    public Jint.Engine Engine { get; }

    /// <summary>The instant of the evaluation under way: the bound variables' <see cref="IVariableLookup.Now"/>, else the clock's.</summary>
    /// <remarks>In UTC: for Date.now() and new Date() Jint takes the time system's ticks as UTC, so 09:00+08:00 would become 09:00Z.</remarks>
    public DateTimeOffset Now => (_instant ?? _clock.GetUtcNow()).ToUniversalTime();

    /// <summary>Makes the variables an expression names visible as globals; names of built-ins stay built-ins.</summary>
    public void Bind(IReadOnlyList<string> identifiers, IVariableLookup variables)
    {
        _instant = variables.Now;
        foreach (var name in identifiers)
        {
            if (!_builtins.Contains(name) && variables.TryGet(name, out var value))
            {
                Engine.SetValue(name, ToJs(value));
                _bound.Add(name);
            }
        }
    }

    /// <summary>Removes what <see cref="Bind"/> set, so the next evaluation starts clean.</summary>
    public void Unbind()
    {
        foreach (var name in _bound)
        {
            Engine.Global.RemoveOwnProperty(name);
        }

        _bound.Clear();
        _instant = null;
    }

    public JsValue ToJs(VariableValue value) => value.Type switch
    {
        VariableType.Null => JsValue.Null,
        VariableType.String => new JsString(value.Json!.GetValue<string>()),
        VariableType.Number => new JsNumber(value.Json!.GetValue<double>()),
        VariableType.Boolean => value.Json!.GetValue<bool>() ? JsBoolean.True : JsBoolean.False,
        VariableType.Date => new JsDate(Engine, value.AsDate()),
        _ => _jsonParser.Parse(value.ToJsonText()),
    };

    /// <exception cref="ExpressionException">The value cannot be stored (a function, NaN, a symbol).</exception>
    public VariableValue FromJs(JsValue value, string what)
    {
        switch (value)
        {
            case JsString:
                return VariableValue.From(value.AsString());
            case JsNumber number:
                var n = number.AsNumber();
                return double.IsFinite(n)
                    ? VariableValue.From(n)
                    : throw new ExpressionException(what, $"it gives {n.ToString(CultureInfo.InvariantCulture)}, which is not a storable number");
            case JsBoolean boolean:
                return VariableValue.From(boolean.AsBoolean());
            case JsDate date:
                return VariableValue.From(new DateTimeOffset(date.ToDateTime().ToUniversalTime(), TimeSpan.Zero));
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return VariableValue.Null;
        }

        if (value is Jint.Native.Function.Function || value.IsSymbol())
        {
            throw new ExpressionException(what, "it gives a function or symbol, which cannot be stored as a variable");
        }

        var json = _jsonSerializer.Serialize(value);
        var node = JsonNode.Parse(json.AsString());
        return new VariableValue(value.IsArray() ? VariableType.List : VariableType.Object, node);
    }

    /// <summary>A user-facing reason for a failure inside the sandbox; null for exceptions that are not about the script.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        ExpressionException inner => inner.Reason,
        JavaScriptException js => js.Message,
        StatementsCountOverflowException => "it ran too many statements (the sandbox's limit); look for an endless loop",
        MemoryLimitExceededException => "it used more memory than the sandbox allows",
        RecursionDepthOverflowException => "it recursed deeper than the sandbox allows",
        TimeoutException => "it ran longer than the sandbox allows",
        ExecutionCanceledException => "it was cancelled",
        Acornima.ParseErrorException parse => $"it does not parse: {parse.Error.Description}",
        Time.BusinessCalendarException calendar => calendar.Message,
        _ => null,
    };

    private sealed class EvaluationTimeSystem(Func<DateTimeOffset> now)
        : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
