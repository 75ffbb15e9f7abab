using System.Text;
using Acornima.Ast;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// Spread (<c>{...text}</c>, <c>[...text]</c>, <c>f(...text)</c>) makes one property or element per character of a
/// string, inside the interpreter where no built-in can be wrapped and no limit is checked until it is done (an object
/// spread of a 4 M-character string took 845 MB). Before an expression or a script runs, each spread value is passed
/// through the sandbox's <see cref="Function"/>, which refuses a string longer than the memory limit allows such
/// properties, as <c>Object.keys</c> and its kin do (<see cref="SandboxBuiltins"/>).
/// </summary>
internal static class SpreadGuard
{
    /// <summary>The sandbox's global that checks a spread value and returns it unchanged.</summary>
    public const string Function = "__spreadChecked";

    /// <summary><paramref name="code"/> with every spread value passed through <see cref="Function"/>; the same text when it spreads nothing.</summary>
    /// <param name="code">The source that was parsed.</param>
    /// <param name="parsed">Its syntax tree (offsets into <paramref name="code"/>).</param>
    public static string Rewrite(string code, Node parsed)
    {
        if (!code.Contains("...", StringComparison.Ordinal))
        {
            return code;
        }

        var spreads = new List<Node>();
        Collect(parsed, spreads);
        if (spreads.Count == 0)
        {
            return code;
        }

        // Every insertion from the last offset to the first, so that each leaves the offsets before it as they were (spreads
        // nest: an argument's end may lie after the insertions inside it).
        var text = new StringBuilder(code);
        foreach (var (offset, insert) in spreads.SelectMany(a => new[] { (a.End, ")"), (a.Start, Function + "(") }).OrderByDescending(i => i.Item1))
        {
            text.Insert(offset, insert);
        }

        return text.ToString();
    }

    private static void Collect(Node node, List<Node> spreads)
    {
        if (node is SpreadElement spread)
        {
            spreads.Add(spread.Argument);
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, spreads);
        }
    }
}
