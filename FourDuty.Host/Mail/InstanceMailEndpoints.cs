using System.Text.Json;
using System.Text.RegularExpressions;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.State;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.TaskPages;
using FourDuty.Workflows.Organization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FourDuty.Host.Mail;

/// <summary>
/// The mails one instance sent, for the office on the instance's page: its outbox rows (recipient, subject, kind, state,
/// sent time, last error), newest first, and each message as it went out. The subject and body come from the stored
/// message (<c>{outboxId:N}.eml</c> in the pickup folder); the task links in it are the recipients' keys, so the office
/// reads them with the link blanked out. Reads only.
/// </summary>
internal static partial class InstanceMailEndpoints
{
    public static void MapInstanceMailEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/instances/{id:guid}/mails", ListAsync).RequireAuthorization(AccessPolicy.Office)
            .ChangesNothing("reads the outbox and the stored messages").WithSummary("The mails the instance sent, newest first");
        api.MapGet("/instances/{id:guid}/mails/{mailId}", ShowAsync).RequireAuthorization(AccessPolicy.Office)
            .ChangesNothing("reads a stored message").WithSummary("One mail of the instance as it went out (HTML), its task links blanked out");
    }

    private static async Task<IResult> ListAsync(Guid id, ProcessEngine engine, PeopleDirectory people, IOptions<MailOptions> mail,
        CancellationToken cancellationToken)
    {
        if (await engine.Queries.GetInstanceAsync(id, cancellationToken) is null)
        {
            return Api.ApiErrors.NotFound("ENGINE-INSTANCE-NOT-FOUND", $"There is no instance {id}.");
        }

        var rows = await engine.Queries.ListOutboxOfInstanceAsync(id, cancellationToken);
        return Results.Ok(rows.Select(row =>
        {
            var (template, personId) = PayloadOf(row);
            var person = personId is null ? null : people.Find(personId);
            var message = Load(mail.Value, row.Id);
            return new
            {
                row.Id,
                row.Kind,
                Template = template,
                Recipient = personId,
                RecipientName = person?.Name ?? message?.To.Mailboxes.FirstOrDefault()?.Name,
                RecipientEmail = message?.To.Mailboxes.FirstOrDefault()?.Address ?? person?.Email,
                Subject = message?.Subject,
                Status = row.Status.ToString(),
                row.Attempts,
                row.CreatedAt,
                row.SentAt,
                row.LastError,
                Stored = message is not null,
            };
        }));
    }

    private static async Task<IResult> ShowAsync(Guid id, string mailId, ProcessEngine engine, IOptions<MailOptions> mail, HttpContext context,
        CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        // The mail's id is parsed here rather than by the route, so that a wrong one is this page's 404, after the policy.
        var row = Guid.TryParse(mailId, out var wanted)
            ? (await engine.Queries.ListOutboxOfInstanceAsync(id, cancellationToken)).FirstOrDefault(o => o.Id == wanted)
            : null;
        if (row is null || Load(mail.Value, row.Id) is not { } message)
        {
            return Results.Content(TaskPageHtml.Message("没有这封邮件", "此实例没有这封邮件，或邮件未保存在本地投递目录中（经 SMTP 发出的邮件不留副本）。",
                "No such mail of this instance is stored."), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        // The message's own HTML, as a mail client shows it: no script runs, nothing loads, and no link is a key.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var header = $"<div style=\"font-family:sans-serif;background:#eee;padding:8px\"><b>收件人 To:</b> {TaskPageHtml.E(message.To.ToString())}<br>" +
            $"<b>主题 Subject:</b> {TaskPageHtml.E(message.Subject ?? "")}<br><b>发送时间 Sent:</b> {(row.SentAt is { } sent ? TaskPageHtml.E(TaskPageHtml.Format(sent)) : "")}</div>";
        var body = message.HtmlBody ?? $"<pre>{TaskPageHtml.E(message.TextBody ?? "")}</pre>";
        return Results.Content(header + WithoutTaskLinks(body), "text/html; charset=utf-8");
    }

    /// <summary>The text with every task link's token replaced: the office sees where the link pointed, not the key.</summary>
    internal static string WithoutTaskLinks(string text) => TaskLink().Replace(text, TaskPageEndpoints.Prefix + "…");

    private static (string? Template, string? Person) PayloadOf(OutboxRecord row)
    {
        try
        {
            using var payload = JsonDocument.Parse(row.Payload);
            string? Read(string name) => payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (Read("template"), Read("person") ?? Read("to"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static MimeMessage? Load(MailOptions options, Guid id)
    {
        var path = Path.Combine(Path.GetFullPath(options.PickupFolder), $"{id:N}.eml");
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }

    [GeneratedRegex(@"/t/[A-Za-z0-9_\-]{16,}")]
    private static partial Regex TaskLink();
}
