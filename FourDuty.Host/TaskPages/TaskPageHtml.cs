using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Host.TaskPages;

/// <summary>The task pages a person reaches from an email: plain HTML readable on a phone without script; with the pages built, the task page's script takes over.</summary>
internal static class TaskPageHtml
{
    // Chinese stays as text (readable source, smaller pages); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Message(string title, string text, string? detail = null) => Page(title, $"""
        <h1>{E(title)}</h1>
        <p>{E(text)}</p>
        {(detail is null ? "" : $"<p class=\"muted\">{E(detail)}</p>")}
        """);

    public static string Task(UserTaskRecord task, string processName, string? businessKey, string formAction, string antiforgeryField,
        string antiforgeryToken, string fieldsHtml, Web.PageAssets? script = null, Texts? texts = null) => Page(task.Name ?? task.ElementId, $"""
        <h1>{E(task.Name ?? task.ElementId)}</h1>
        <table class="facts">
          <tr><th>{E(T(texts, "task.process", "所属流程"))}</th><td>{E(processName)}{(businessKey is null ? "" : $"（{E(businessKey)}）")}</td></tr>
          <tr><th>{E(T(texts, "task.due", "办理期限"))}</th><td>{(task.DueAt is { } due ? E(Format(due)) : E(T(texts, "tasks.noDeadline", "无")))}</td></tr>
          <tr><th>{E(T(texts, "task.received", "收到时间"))}</th><td>{E(Format(task.CreatedAt))}</td></tr>
        </table>
        {(task.Description is null ? "" : $"<div class=\"ask\"><h2>{E(T(texts, "task.asked", "办理事项"))}</h2><p>{E(task.Description).Replace("\n", "<br>", StringComparison.Ordinal)}</p></div>")}
        <form method="post" action="{E(formAction)}">
          <input type="hidden" name="{E(antiforgeryField)}" value="{E(antiforgeryToken)}">
          {fieldsHtml}
          <button type="submit">{E(T(texts, "task.submit", "提交办理结果"))}</button>
        </form>
        """, lang: texts?.Language ?? "zh-CN", head: script is null ? "" : $"""
        <link rel="icon" href="data:,">
        <script type="module" src="{E(script.Script)}"></script>
        {(script.Style is null ? "" : $"<link rel=\"stylesheet\" href=\"{E(script.Style)}\">")}
        """);

    /// <summary>The page's language and where its strings come from (the pages' resource files).</summary>
    internal sealed record Texts(string Language, Web.ClientAssets Assets);

    // A string of the page's language from the resource files; the Chinese written here when the pages were not built.
    private static string T(Texts? texts, string key, string chinese) =>
        texts?.Assets.Text(texts.Language, key) is { } text && text != key ? text : chinese;

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Shanghai).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string E(string text) => Html.Encode(text);

    public static string Page(string title, string body, string lang = "zh-CN", string head = "")
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="{{E(lang)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{{E(title)}} · 四责协同</title>
            <style>
            body { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 640px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.4em; color: #b71c1c; }
            table.facts th { text-align: left; padding-right: 1em; color: #555; font-weight: normal; }
            .ask { background: #fafafa; border-left: 4px solid #b71c1c; padding: .5em 1em; margin: 1em 0; }
            label { display: block; margin-top: 1em; font-weight: bold; }
            input[type=text], input[type=password], input[type=number], input[type=date], textarea, select { width: 100%; padding: .4em; box-sizing: border-box; }
            .error { color: #b71c1c; }
            .muted { color: #777; font-size: .9em; }
            button { margin-top: 1.5em; background: #b71c1c; color: #fff; border: 0; padding: .7em 2em; font-size: 1em; }
            </style>
            {{head}}
            </head>
            <body>
            {{body}}
            <p class="muted">四责协同 · FourDuty</p>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
