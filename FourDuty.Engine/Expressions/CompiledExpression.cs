using System.Collections.Concurrent;
using System.Text;
using Acornima.Ast;
using Jint;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// One <c>${...}</c> script, parsed once and shared by every engine: the variables it may read, and the function
/// source that takes them as parameters.
/// </summary>
/// <remarks>
/// The pooled engines are frozen, so variables cannot become globals; they are parameters of a function that returns
/// the expression. An identifier that is not a variable of the instance is left out of the parameters, so reading it
/// still fails with "x is not defined", as it did when variables were globals — hence one function per set of
/// variables present (<c>mask</c>: bit i set when parameter i is).
/// </remarks>
internal sealed class CompiledExpression
{
    /// <summary>Most names one expression may read: the set of those present is a 64-bit mask.</summary>
    public const int MaxParameters = 64;

    private readonly string _code;
    private readonly ConcurrentDictionary<ulong, Prepared<Script>> _functions = new();

    /// <exception cref="ExpressionException">The code names more than <see cref="MaxParameters"/> variables.</exception>
    public CompiledExpression(string code, IEnumerable<string> identifiers, IReadOnlySet<string> builtins)
    {
        _code = code;
        // eval and arguments cannot be parameter names in strict mode; neither can be a variable an expression reads.
        Parameters = identifiers.Where(name => !builtins.Contains(name) && name is not ("eval" or "arguments")).ToArray();
        if (Parameters.Count > MaxParameters)
        {
            throw new ExpressionException(code, $"it names {Parameters.Count} variables; an expression may name at most {MaxParameters}");
        }
    }

    /// <summary>The names the expression may read as variables, in a fixed order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>A script whose value is the function of the parameters in <paramref name="mask"/> that returns the expression.</summary>
    /// <remarks>The code was parsed as one expression before, so it cannot close the function's body and add statements.</remarks>
    public Prepared<Script> FunctionOf(ulong mask) => _functions.GetOrAdd(mask, m =>
    {
        var source = new StringBuilder("(function (");
        for (var i = 0; i < Parameters.Count; i++)
        {
            if ((m & (1UL << i)) != 0)
            {
                source.Append(source[^1] == '(' ? "" : ", ").Append(Parameters[i]);
            }
        }

        // The line break keeps a trailing line comment in the code from hiding the closing parenthesis.
        source.Append(") { return (").Append(_code).Append("\n); })");
        return Jint.Engine.PrepareScript(source.ToString(), strict: true);
    });
}
