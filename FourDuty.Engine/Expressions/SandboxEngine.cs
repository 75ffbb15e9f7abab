using System.Globalization;
using System.Text.Json.Nodes;
using FourDuty.Engine.Variables;
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

    private readonly ExpressionOptions _options;
    private readonly Dictionary<(CompiledExpression, ulong), JsValue> _functions = [];

    /// <param name="clock">The clock when the variables name no instant.</param>
    /// <param name="options">The limits.</param>
    /// <param name="functions">now(), workdays() and isWorkday().</param>
    /// <param name="pooled">
    /// True for an engine that evaluates one expression after another: strict mode, every built-in frozen, variables
    /// passed as parameters (<see cref="Call"/>). False for a script's own engine, used once: sloppy mode, variables
    /// bound as globals (<see cref="Bind"/>), since a script may declare what it likes.
    /// </param>
    public SandboxEngine(TimeProvider clock, ExpressionOptions options, ExpressionFunctions functions, bool pooled)
    {
        _clock = clock;
        _options = options;
        Engine = new Jint.Engine(o =>
        {
            o.Strict = pooled;
            o.TimeoutInterval(options.Timeout);
            o.MaxStatements(options.MaxStatements);
            o.LimitMemory(options.MaxMemoryBytes);
            o.LimitRecursion(options.MaxRecursion);
            // A regular expression runs in .NET's matcher, outside the statement checks: it gets the same time.
            o.Constraints.RegexTimeout = options.Timeout;
            o.Constraints.MaxArraySize = (uint)options.MaxArrayLength;
            // Recursion that no function call counts (nested arrays' join, toString, getters) ends in a RangeError,
            // not in a stack overflow that takes the host down.
            o.Constraints.StackOverflowGuard = true;
            o.TimeSystem = new EvaluationTimeSystem(() => Now);
            o.Culture = CultureInfo.InvariantCulture;
            o.Host.StringCompilationAllowed = false;
        });
        functions.InstallInto(Engine, () => Now);
        SandboxBuiltins.Guard(Engine, options);
        _builtins = Engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        if (pooled)
        {
            SandboxBuiltins.Freeze(Engine);
        }

        _jsonParser = new JsonParser(Engine);
        _jsonSerializer = new JsonSerializer(Engine);
    }

    /// <summary>The names of the realm's globals; a variable of the same name is not visible to expressions.</summary>
    public IReadOnlySet<string> Builtins => _builtins;

    public Jint.Engine Engine { get; }

    /// <summary>The instant of the evaluation under way: the bound variables' <see cref="IVariableLookup.Now"/>, else the clock's.</summary>
    /// <remarks>In UTC: for Date.now() and new Date() Jint takes the time system's ticks as UTC, so 09:00+08:00 would become 09:00Z.</remarks>
    public DateTimeOffset Now => (_instant ?? _clock.GetUtcNow()).ToUniversalTime();

    /// <summary>
    /// Evaluates a compiled expression as a function of the variables it names that exist, on this pooled (frozen)
    /// engine. Nothing of the evaluation stays in the engine but the compiled function, kept for the next time.
    /// </summary>
    public JsValue Call(CompiledExpression compiled, IVariableLookup variables)
    {
        _instant = variables.Now;
        try
        {
            var values = new JsValue[compiled.Parameters.Count];
            var (mask, count) = (0UL, 0);
            for (var i = 0; i < compiled.Parameters.Count; i++)
            {
                if (variables.TryGet(compiled.Parameters[i], out var value))
                {
                    values[count++] = ToJs(value);
                    mask |= 1UL << i;
                }
            }

            if (count < values.Length)
            {
                Array.Resize(ref values, count);
            }

            if (!_functions.TryGetValue((compiled, mask), out var function))
            {
                if (_functions.Count >= 1024)
                {
                    _functions.Clear(); // a bound on what an engine keeps; the next evaluations compile again
                }

                function = Engine.Evaluate(compiled.FunctionOf(mask));
                _functions[(compiled, mask)] = function;
            }

            return Engine.Call(function, JsValue.Undefined, values);
        }
        finally
        {
            _instant = null;
        }
    }

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

    /// <summary>A user-facing reason for a failure inside the sandbox, naming the limit it hit; null for exceptions that are not about the script.</summary>
    public string? Describe(Exception exception) => exception switch
    {
        ExpressionException inner => inner.Reason,
        JavaScriptException js => js.Message,
        StatementsCountOverflowException => Limit($"it ran too many statements (more than {_options.MaxStatements:N0})", "MaxStatements") + "; look for an endless loop",
        MemoryLimitExceededException => Limit($"it used more memory than the sandbox allows ({_options.MaxMemoryBytes / 1048576.0:0.#} MB, arrays up to {_options.MaxArrayLength:N0} elements)", "MaxMemoryBytes, MaxArrayLength"),
        RecursionDepthOverflowException => Limit($"it recursed deeper than the sandbox allows ({_options.MaxRecursion} calls)", "MaxRecursion"),
        System.Text.RegularExpressions.RegexMatchTimeoutException => Limit($"a regular expression ran longer than {_options.Timeout.TotalSeconds:0.###} s (look for nested repetition such as (a+)+)", "Timeout"),
        TimeoutException => Limit($"it ran longer than the sandbox allows ({_options.Timeout.TotalSeconds:0.###} s)", "Timeout"),
        ExecutionCanceledException => "it was cancelled",
        Acornima.ParseErrorException parse => $"it does not parse: {parse.Error.Description}",
        InvalidOperationException { Message: var m } when m.StartsWith("Module loading", StringComparison.Ordinal) => "it imports a module; expressions cannot import anything",
        Time.BusinessCalendarException calendar => calendar.Message,
        _ => null,
    };

    private static string Limit(FormattableString what, string setting) =>
        $"{what.ToString(CultureInfo.InvariantCulture)}, the sandbox's limit (Engine:Expressions:{setting})";

    private sealed class EvaluationTimeSystem(Func<DateTimeOffset> now)
        : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
