using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Handlers;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// One list item as a form submits it (a row of a dynamic list <c>dutyItems</c>, <c>riskItems</c> or
/// <c>measureItems</c>): <c>id</c> (absent for a new item), <c>title</c>, <c>detail</c>, <c>owner</c>, <c>area</c>,
/// <c>dueOn</c> (yyyy-MM-dd), <c>state</c> (<c>Planned</c>, <c>InProgress</c>, <c>Done</c>), <c>projectItemId</c>,
/// <c>level</c> (risk), <c>riskItemId</c> (measure) and <c>evidence</c> (uploaded evidence ids and http(s) links).
/// </summary>
internal sealed record ItemDraft(
    string Key,
    Guid? Id,
    string Title,
    string? Detail,
    string? Owner,
    string? Area,
    DateOnly? DueOn,
    ItemState? State,
    Guid? ProjectItemId,
    string? Level,
    Guid? RiskItemId,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The rows of <paramref name="list"/> submitted as <paramref name="name"/>, with the errors of their shape (a missing title, a bad date).</summary>
    public static List<ItemDraft> Read(string name, JsonNode? list, List<FormFieldError> errors)
    {
        var drafts = new List<ItemDraft>();
        if (list is not JsonArray rows)
        {
            return drafts;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var key = $"{name}[{i}]";
            if (rows[i] is not JsonObject row)
            {
                errors.Add(DutyErrors.At(key, DutyErrors.Required, "每一行应为一个清单事项。", "Each row must be an item with a title."));
                continue;
            }

            var title = HandlerInput.Text(row["title"])?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                errors.Add(DutyErrors.At($"{key}.title", DutyErrors.Required, "请填写事项名称。", "The item needs a title."));
            }

            ItemState? state = null;
            if (HandlerInput.Text(row["state"]) is { Length: > 0 } stateText)
            {
                state = Enum.TryParse<ItemState>(stateText, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
                if (state is null)
                {
                    errors.Add(DutyErrors.At($"{key}.state", DutyErrors.Choice, $"状态“{stateText}”无效，应为 Planned、InProgress 或 Done。",
                        $"'{stateText}' is not a state: use Planned, InProgress or Done."));
                }
            }

            drafts.Add(new ItemDraft(key, GuidOf(row["id"]), title ?? "", HandlerInput.Text(row["detail"]), Empty(row["owner"]), Empty(row["area"]),
                DateOf(row["dueOn"], $"{key}.dueOn", errors), state, GuidOf(row["projectItemId"]), HandlerInput.Text(row["level"]), GuidOf(row["riskItemId"]),
                EvidenceOf(row["evidence"])));
        }

        return drafts;
    }

    /// <summary>Evidence named by a submission: a list of ids and links, or one of them as text.</summary>
    public static IReadOnlyList<string> EvidenceOf(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(HandlerInput.Text).OfType<string>().Where(s => s.Length > 0).ToList(),
        JsonValue value when HandlerInput.Text(value) is { Length: > 0 } one => [.. one.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        _ => [],
    };

    /// <summary>A date as forms send it (<c>2026-05-01</c>, or a date-time whose date part counts); errors name <paramref name="key"/>.</summary>
    public static DateOnly? DateOf(JsonNode? node, string key, List<FormFieldError> errors)
    {
        if (HandlerInput.Text(node) is not { Length: > 0 } text)
        {
            return null;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", out var date))
        {
            return date;
        }

        errors.Add(DutyErrors.At(key, DutyErrors.Date, $"“{text}”不是日期，请写作 2026-05-01。", $"'{text}' is not a date such as 2026-05-01."));
        return null;
    }

    public static Guid? GuidOf(JsonNode? node) => Guid.TryParse(HandlerInput.Text(node), out var id) ? id : null;

    private static string? Empty(JsonNode? node) => HandlerInput.Text(node) is { Length: > 0 } text ? text : null;
}
