namespace FourDuty.Engine.Expressions;

/// <summary>Finds where a <c>${...}</c> ends, skipping braces inside strings and nested object literals.</summary>
internal static class ScriptScanner
{
    /// <returns>The index of the closing brace, or -1 when there is none.</returns>
    public static int FindClosingBrace(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'' or '"' or '`':
                    i = SkipString(text, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }

        return -1;
    }

    private static int SkipString(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}
