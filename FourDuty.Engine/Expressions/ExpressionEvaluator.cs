using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using FourDuty.Engine.Variables;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// Evaluates <c>${...}</c> expressions and scripts in a JavaScript sandbox (Jint): no CLR access, limits on
/// time (regular expressions included), statements, memory, string and array sizes and recursion.
/// Engines are pooled and parsed expressions cached, so a typical condition costs microseconds; a pooled engine's
/// built-ins are frozen and variables are its function's parameters, so no evaluation changes what a later one sees.
/// </summary>
internal sealed class ExpressionEvaluator(TimeProvider clock, ExpressionOptions options, ExpressionFunctions functions)
{
    private readonly ConcurrentDictionary<string, CompiledExpression> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<SandboxEngine> _pool = [];

    /// <summary>The value of an expression: the text itself, one script's value, or a template's string.</summary>
    /// <exception cref="ExpressionException">The expression failed; the message names it and says why.</exception>
    public VariableValue Evaluate(Expression expression, IVariableLookup variables)
    {
        if (expression.IsLiteral)
        {
            return VariableValue.From(expression.Source);
        }

        if (expression.IsSingleScript)
        {
            return Run(expression.Source, expression.Parts[0].Text, variables);
        }

        var text = new StringBuilder();
        foreach (var part in expression.Parts)
        {
            text.Append(part.IsScript ? Run(expression.Source, part.Text, variables).ToString() : part.Text);
        }

        return VariableValue.From(text.ToString());
    }

    /// <summary>Evaluates a condition with JavaScript truthiness.</summary>
    public bool IsTrue(Expression expression, IVariableLookup variables) => Evaluate(expression, variables).IsTruthy;

    /// <summary>
    /// Runs a script in a fresh engine (scripts may declare what they like); <c>execution.setVariable(name, value)</c>
    /// writes variables through <paramref name="setVariable"/>. Returns the value of the last statement.
    /// </summary>
    public VariableValue RunScript(string script, IVariableLookup variables, Action<string, VariableValue> setVariable)
    {
        var engine = new SandboxEngine(clock, options, functions, pooled: false);
        try
        {
            var parsed = new Parser().ParseScript(script);
            var identifiers = FreeIdentifiers.Of(parsed);
            engine.Bind(identifiers, variables);
            // The script's own execution object also says where it runs (execution.processInstanceId, …).
            ObjectInstance execution = variables.TryGet("execution", out var where) && where.Json is JsonObject
                ? engine.ToJs(where).AsObject()
                : new JsObject(engine.Engine);
            execution.Set("setVariable", new ClrFunction(engine.Engine, "setVariable", (_, args) =>
            {
                setVariable(TypeConverter.ToString(args.At(0)), engine.FromJs(args.At(1), "execution.setVariable"));
                return JsValue.Undefined;
            }));
            execution.Set("getVariable", new ClrFunction(engine.Engine, "getVariable", (_, args) =>
                variables.TryGet(TypeConverter.ToString(args.At(0)), out var value) ? engine.ToJs(value) : JsValue.Null));
            engine.Engine.SetValue("execution", execution);
            return engine.FromJs(engine.Engine.Evaluate(SpreadGuard.Rewrite(script, parsed)), "the script's last statement");
        }
        catch (Exception exception) when (engine.Describe(exception) is { } reason)
        {
            throw new ExpressionException(Shorten(script), reason, exception);
        }
    }

    private VariableValue Run(string source, string code, IVariableLookup variables)
    {
        if (!_pool.TryTake(out var engine))
        {
            engine = new SandboxEngine(clock, options, functions, pooled: true);
        }

        var clean = true;
        try
        {
            var compiled = _compiled.GetOrAdd(code, c => Compile(c, engine.Builtins));
            return engine.FromJs(engine.Call(compiled, variables), "the expression");
        }
        catch (Exception exception) when (engine.Describe(exception) is { } reason)
        {
            // An engine stopped by a limit may be stopped half-way through a built-in: it is not reused.
            clean = exception is ExpressionException or JavaScriptException or Acornima.ParseErrorException;
            throw new ExpressionException(source, reason, exception);
        }
        finally
        {
            if (clean)
            {
                _pool.Add(engine);
            }
        }
    }

    private static CompiledExpression Compile(string code, IReadOnlySet<string> builtins)
    {
        var parsed = new Parser().ParseExpression(code);
        return new(SpreadGuard.Rewrite(code, parsed), FreeIdentifiers.Of(parsed), builtins);
    }

    private static string Shorten(string script) => script.Length <= 80 ? script.Trim() : script.Trim()[..77] + "...";
}
