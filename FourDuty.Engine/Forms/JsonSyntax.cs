using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine.Bpmn;

namespace FourDuty.Engine.Forms;

/// <summary>
/// Reads untrusted JSON under the limits: a size check before anything else, then one scan with a reader that
/// knows where it is (so a syntax error, a duplicate property or a too-deep nesting is reported with its JSON
/// path and line), and only then the tree.
/// </summary>
internal static class JsonSyntax
{
    public static JsonNode? Parse(string json, FormLimits limits, List<FormProblem> problems)
    {
        if (json.Length > limits.MaxCharacters)
        {
            problems.Add(new FormProblem(ProblemSeverity.Error, FormCodes.SchemaTooLarge, "$", null,
                $"The form file has {json.Length:N0} characters; at most {limits.MaxCharacters:N0} are accepted. "
                + "Split the form, or remove embedded images and long texts."));
            return null;
        }

        if (!Scan(json, limits, problems))
        {
            return null;
        }

        return JsonNode.Parse(json, null, new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
    }

    private static bool Scan(string json, FormLimits limits, List<FormProblem> problems)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Property = reader.GetString();
                        if (!frame.Names!.Add(frame.Property!))
                        {
                            problems.Add(new FormProblem(ProblemSeverity.Error, FormCodes.SchemaJson, PathOf(frames), null,
                                $"The property '{frame.Property}' appears twice in the same object; keep one of them."));
                            return false;
                        }

                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Step(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        Step(frames);
                        break;
                }
            }

            return true;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            if (frames.Count >= limits.MaxDepth)
            {
                problems.Add(new FormProblem(ProblemSeverity.Error, FormCodes.SchemaTooDeep, PathOf(frames), null,
                    $"The form nests deeper than {limits.MaxDepth} levels at line {line}; real forms stay far below. "
                    + "Flatten the groups and lists."));
            }
            else
            {
                problems.Add(new FormProblem(ProblemSeverity.Error, FormCodes.SchemaJson, PathOf(frames), null,
                    $"The form is not valid JSON at line {line}, column {column}: {Describe(e)} "
                    + "Save the form again from the form editor, or fix the JSON by hand."));
            }

            return false;
        }
    }

    /// <summary>The reader's message without its position suffix, which the problem states in its own words.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static void Step(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Property is not null)
            {
                path.Append('.').Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }

        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);
    }
}
