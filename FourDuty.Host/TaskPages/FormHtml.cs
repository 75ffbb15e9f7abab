using System.Text;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using static FourDuty.Host.TaskPages.TaskPageHtml;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// A task's form-js form as plain HTML inputs for the link page, and the posted inputs back as the JSON that
/// form-js would submit (dotted names nest, lists repeat, an unchecked box is absent). The server checks the
/// result against the form; the HTML only helps the person fill it in.
/// </summary>
internal static class FormHtml
{
    public static string Fields(FormSchema schema, IFormCollection? posted, IReadOnlyList<FormFieldError> errors)
    {
        var html = new StringBuilder();
        foreach (var field in schema.Fields)
        {
            var error = errors.FirstOrDefault(e => e.Key == field.Key);
            var name = E(field.Key);
            html.Append($"<label for=\"{name}\">{E(field.Label)}{(field.Required ? " <span class=\"error\">*</span>" : "")}</label>");
            html.Append(Input(field, posted));
            if (field.Description is { } description)
            {
                html.Append($"<div class=\"muted\">{E(description)}</div>");
            }

            if (error is not null)
            {
                html.Append($"<div class=\"error\">{E(Explain(error, field))}</div>");
            }
        }

        return html.ToString();
    }

    /// <summary>The posted inputs as the submission form-js would send; names the form does not declare are left out.</summary>
    public static Dictionary<string, JsonNode?> Submission(FormSchema schema, IFormCollection form)
    {
        var root = new JsonObject();
        foreach (var field in schema.Fields.Where(f => !f.Disabled && f.Type != FormFieldType.DynamicList))
        {
            var values = form[field.Key];
            JsonNode? value = field.Type switch
            {
                FormFieldType.Checkbox => JsonValue.Create(values.Count > 0),
                FormFieldType.Checklist => new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                FormFieldType.TagList => new JsonArray((values.FirstOrDefault() ?? "")
                    .Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                // The browser's datetime-local has no offset; the page is in China Standard Time.
                FormFieldType.DateTime when values.FirstOrDefault() is { Length: > 0 } local => JsonValue.Create(local + "+08:00"),
                _ when values.Count == 0 => null,
                _ => JsonValue.Create(values.ToString()),
            };
            if (value is not null || field.Type == FormFieldType.Checkbox)
            {
                Place(root, field.Key, value);
            }
        }

        return root.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
    }

    private static void Place(JsonObject root, string dottedKey, JsonNode? value)
    {
        var parts = dottedKey.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                node[part] = next = new JsonObject();
            }

            node = next;
        }

        node[parts[^1]] = value;
    }

    private static string Input(FormField field, IFormCollection? posted)
    {
        var name = E(field.Key);
        var value = posted is not null ? posted[field.Key].ToString() : Text(field.DefaultValue);
        var locked = field.ReadOnly || field.Disabled ? " disabled" : "";
        var required = field.Required ? " required" : "";
        return field.Type switch
        {
            FormFieldType.TextArea => $"<textarea id=\"{name}\" name=\"{name}\" rows=\"5\"{required}{locked}>{E(value)}</textarea>",
            FormFieldType.Number => $"<input type=\"number\" step=\"any\" id=\"{name}\" name=\"{name}\" value=\"{E(value)}\"{required}{locked}>",
            FormFieldType.Date => $"<input type=\"date\" id=\"{name}\" name=\"{name}\" value=\"{E(value)}\"{required}{locked}>",
            FormFieldType.Time => $"<input type=\"time\" id=\"{name}\" name=\"{name}\" value=\"{E(value)}\"{required}{locked}>",
            FormFieldType.DateTime => $"<input type=\"datetime-local\" id=\"{name}\" name=\"{name}\" value=\"{E(value.Length >= 16 ? value[..16] : value)}\"{required}{locked}>",
            FormFieldType.Checkbox => $"<input type=\"checkbox\" id=\"{name}\" name=\"{name}\" value=\"true\"{(value is "true" or "on" ? " checked" : "")}{locked}>",
            FormFieldType.Select => $"<select id=\"{name}\" name=\"{name}\"{required}{locked}><option value=\"\"></option>"
                + string.Concat(field.Options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == value ? " selected" : "")}>{E(o.Label)}</option>")) + "</select>",
            FormFieldType.Radio => string.Concat(field.Options.Select(o =>
                $"<div><input type=\"radio\" name=\"{name}\" value=\"{E(o.Value)}\"{(o.Value == value ? " checked" : "")}{locked}> {E(o.Label)}</div>")),
            FormFieldType.Checklist => string.Concat(field.Options.Select(o =>
                $"<div><input type=\"checkbox\" name=\"{name}\" value=\"{E(o.Value)}\"{(Checked(posted, field, o.Value) ? " checked" : "")}{locked}> {E(o.Label)}</div>")),
            FormFieldType.DynamicList => "<div class=\"muted\">此项请在系统中填写（邮件页面不支持多行列表）。</div>",
            _ => $"<input type=\"text\" id=\"{name}\" name=\"{name}\" value=\"{E(value)}\"{required}{locked}>",
        };
    }

    private static bool Checked(IFormCollection? posted, FormField field, string option) =>
        posted?[field.Key].Contains(option) ?? field.DefaultValue is JsonArray defaults && defaults.Any(d => d?.ToString() == option);

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Join(", ", array.Select(a => a?.ToString())),
        _ => node.ToString(),
    };

    // The engine's messages are English for API clients; the people on this page read Chinese, so each rule is
    // said again in Chinese with the field's own limits.
    private static string Explain(FormFieldError error, FormField field) => error.Code switch
    {
        FormCodes.Required => "此项为必填项。",
        FormCodes.MinLength => $"内容过短，至少需要 {field.MinLength} 个字。",
        FormCodes.MaxLength => field.MaxLength is { } most ? $"内容过长，最多 {most} 个字。" : "内容过长。",
        FormCodes.Pattern => "格式不符合要求。",
        FormCodes.Email => "请填写有效的电子邮箱地址。",
        FormCodes.Phone => "请填写有效的电话号码（含国际区号，如 +86）。",
        FormCodes.Min => $"数值不能小于 {field.Min}。",
        FormCodes.Max => $"数值不能大于 {field.Max}。",
        FormCodes.Decimals or FormCodes.Increment => "数值的精度不符合要求。",
        FormCodes.Type => field.Type switch
        {
            FormFieldType.Number => "请填写数字。",
            FormFieldType.Date => "请填写日期，例如 2027-05-01。",
            FormFieldType.Time => "请填写时间，例如 09:30。",
            FormFieldType.DateTime => "请填写日期和时间。",
            _ => "填写的内容类型不正确。",
        },
        FormCodes.Option => "请从给定选项中选择。",
        FormCodes.ReadOnly => "此项不可修改。",
        _ => error.Message,
    };
}
