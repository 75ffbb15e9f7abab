using System.Text;
using FourDuty.Engine;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.TaskPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FourDuty.Host.Mail;

/// <summary>
/// The outbox, for operators: every message the engine wrote, its state and the server's reply; a message
/// delivered to the pickup folder (no SMTP configured) opens rendered, with its working links, so a newcomer
/// can follow a process from the first email on. The links are credentials: administrators only.
/// </summary>
internal static class OutboxPages
{
    public static void MapOutboxPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/outbox", ListAsync).RequireAuthorization(AccessPolicy.Admin).ExcludeFromDescription();
        app.MapGet("/outbox/{id:guid}", ShowAsync).RequireAuthorization(AccessPolicy.Admin).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(ProcessEngine engine, IOptions<MailOptions> mail, HttpContext context, CancellationToken cancellationToken)
    {
        NoStore(context);
        var rows = await engine.Queries.ListOutboxAsync(500, cancellationToken);
        var html = new StringBuilder("<h1>发件箱 Outbox</h1><table class=\"facts\"><tr><th>时间</th><th>状态</th><th>收件人 / 主题</th><th>尝试</th><th>回复或错误</th></tr>");
        foreach (var row in rows)
        {
            var message = Load(mail.Value, row.Id);
            var subject = message is null ? row.Key : $"{message.To} · {message.Subject}";
            html.Append($"<tr><td>{TaskPageHtml.E(TaskPageHtml.Format(row.CreatedAt))}</td><td>{row.Status}</td>")
                .Append($"<td>{(message is null ? TaskPageHtml.E(subject) : $"<a href=\"/outbox/{row.Id}\">{TaskPageHtml.E(subject)}</a>")}</td>")
                .Append($"<td>{row.Attempts}</td><td>{TaskPageHtml.E(row.LastError ?? row.Reply ?? "")}</td></tr>");
        }

        html.Append("</table>");
        return Results.Content(TaskPageHtml.Page("发件箱", html.ToString()), "text/html; charset=utf-8");
    }

    private static IResult ShowAsync(Guid id, IOptions<MailOptions> mail, HttpContext context)
    {
        NoStore(context);
        if (Load(mail.Value, id) is not { } message)
        {
            return Results.Content(TaskPageHtml.Message("没有这封邮件", "这封邮件不在本地投递目录中（可能已通过 SMTP 发出）。"), "text/html; charset=utf-8", statusCode: 404);
        }

        // The message's own HTML, as a mail client shows it: no script runs, links work.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var header = $"<div style=\"font-family:sans-serif;background:#eee;padding:8px\"><b>To:</b> {TaskPageHtml.E(message.To.ToString())}<br><b>Subject:</b> {TaskPageHtml.E(message.Subject ?? "")}<br><b>Message-ID:</b> {TaskPageHtml.E(message.MessageId ?? "")}</div>";
        return Results.Content(header + (message.HtmlBody ?? $"<pre>{TaskPageHtml.E(message.TextBody ?? "")}</pre>"), "text/html; charset=utf-8");
    }

    private static MimeMessage? Load(MailOptions options, Guid id)
    {
        var path = Path.Combine(Path.GetFullPath(options.PickupFolder), $"{id:N}.eml");
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }

    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
