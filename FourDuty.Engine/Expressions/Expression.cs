using Acornima;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// A value written in a model: plain text, one <c>${...}</c> holding a JavaScript expression, or text with
/// several <c>${...}</c> parts (a template, whose value is a string).
/// </summary>
/// <remarks>
/// <c>#{...}</c> is read like <c>${...}</c>, as Camunda does. Parsing checks the JavaScript syntax of every
/// part; evaluation happens at run time in the sandboxed evaluator.
/// </remarks>
public sealed class Expression
{
    private Expression(string source, IReadOnlyList<ExpressionPart> parts)
    {
        Source = source;
        Parts = parts;
    }

    /// <summary>The text as written in the model.</summary>
    public string Source { get; }

    /// <summary>True when the text has no <c>${...}</c>: its value is the text itself.</summary>
    public bool IsLiteral => Parts.All(part => !part.IsScript);

    /// <summary>True when the whole text is one <c>${...}</c>: its value is the script's value, of any type.</summary>
    public bool IsSingleScript => Parts is [{ IsScript: true }];

    internal IReadOnlyList<ExpressionPart> Parts { get; }

    /// <inheritdoc />
    public override string ToString() => Source;

    /// <summary>Reads <paramref name="text"/>; answers false with the reason when a part does not parse.</summary>
    /// <param name="text">The text from the model.</param>
    /// <param name="expression">The parsed expression, when the result is true.</param>
    /// <param name="error">What is wrong, when the result is false.</param>
    public static bool TryParse(string text, out Expression expression, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<ExpressionPart>();
        var literalStart = 0;
        var index = 0;
        while (index < text.Length - 1)
        {
            if ((text[index] != '$' && text[index] != '#') || text[index + 1] != '{')
            {
                index++;
                continue;
            }

            var close = ScriptScanner.FindClosingBrace(text, index + 2);
            if (close < 0)
            {
                expression = Literal(text);
                error = $"'{text[index]}{{' at position {index + 1} has no matching '}}'";
                return false;
            }

            if (index > literalStart)
            {
                parts.Add(new ExpressionPart(text[literalStart..index], IsScript: false));
            }

            var code = text[(index + 2)..close].Trim();
            if (!CheckSyntax(code, out error))
            {
                expression = Literal(text);
                return false;
            }

            parts.Add(new ExpressionPart(code, IsScript: true));
            index = close + 1;
            literalStart = index;
        }

        if (literalStart < text.Length)
        {
            parts.Add(new ExpressionPart(text[literalStart..], IsScript: false));
        }

        expression = new Expression(text, parts);
        error = "";
        return true;
    }

    /// <summary>Reads <paramref name="text"/> or throws when a part does not parse.</summary>
    /// <exception cref="FormatException">A <c>${...}</c> part is not a JavaScript expression.</exception>
    public static Expression Parse(string text) =>
        TryParse(text, out var expression, out var error)
            ? expression
            : throw new FormatException($"Expression '{text}' does not parse: {error}");

    /// <summary>An expression whose value is <paramref name="text"/> itself, whatever it contains.</summary>
    public static Expression Literal(string text) => new(text, [new ExpressionPart(text, IsScript: false)]);

    private static bool CheckSyntax(string code, out string error)
    {
        if (code.Length == 0)
        {
            error = "'${}' is empty; write a JavaScript expression inside the braces";
            return false;
        }

        try
        {
            var node = new Parser().ParseExpression(code);
            if (RefusedSyntax.Find(node) is { } refused)
            {
                error = $"'{code}' {refused}";
                return false;
            }

            error = "";
            return true;
        }
        catch (ParseErrorException exception)
        {
            error = $"'{code}' is not a JavaScript expression: {exception.Error.Description} (column {exception.Error.Column + 1})";
            return false;
        }
    }
}

/// <summary>One piece of an expression: literal text, or the code of one <c>${...}</c>.</summary>
internal sealed record ExpressionPart(string Text, bool IsScript);
