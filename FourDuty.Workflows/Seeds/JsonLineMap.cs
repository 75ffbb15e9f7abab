using System.Text.Json;

namespace FourDuty.Workflows.Seeds;

/// <summary>
/// Where each value of a JSON text starts, by JSON path (<c>$.subjects[2].owner</c> → line 41), so that a seed file
/// refused for what it means (an unknown person, a holiday that ends before it starts) names the line to fix, not
/// only the field.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Maps a text that already parsed (syntax errors are the parser's to report).</summary>
    public static JsonLineMap Of(ReadOnlySpan<byte> json)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new Stack<(bool Array, int Index, string Path)>();
        var line = 1;
        var counted = 0;
        string? property = null;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += json[counted..start].Count((byte)'\n');
            counted = start;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                map._lines.TryAdd($"{frames.Peek().Path}.{property}", line);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            var path = "$";
            if (frames.Count > 0)
            {
                var (array, index, parent) = frames.Pop();
                path = array ? $"{parent}[{index}]" : $"{parent}.{property}";
                frames.Push((array, array ? index + 1 : index, parent));
            }

            map._lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((reader.TokenType == JsonTokenType.StartArray, 0, path));
            }
        }

        return map;
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest parent that is known; 1 when none is.</summary>
    public int LineOf(string path)
    {
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            if (_lines.TryGetValue(at, out var line))
            {
                return line;
            }
        }

        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
