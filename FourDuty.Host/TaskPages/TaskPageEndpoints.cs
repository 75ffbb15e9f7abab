using FourDuty.Engine;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Antiforgery;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// The page an emailed link opens. GET and HEAD only show the task — mail scanners (Safe Links, Mimecast,
/// Proofpoint) open every link, some even submit forms that submit themselves, so nothing here acts on a GET
/// and there is no script. Completing is a POST from the page's own button, with an antiforgery token; a
/// second POST answers "already completed by … at …".
/// </summary>
internal static class TaskPageEndpoints
{
    public const string Prefix = "/t/";

    public static void MapTaskPages(this IEndpointRouteBuilder app)
    {
        // The link is the key: no sign-in, and using it signs nobody in.
        app.MapMethods(Prefix + "{token}", ["GET", "HEAD"], ShowAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapPost(Prefix + "{token}", CompleteAsync).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous()
            .RequireRateLimiting(RateLimits.TaskLink).Audited("task.complete");
        app.MapTaskLinkApi();
    }

    // Marks the response private, and gives the link's token (moved out of the path before logging) if it has the shape of one.
    internal static string? LinkToken(string routed, HttpContext context)
    {
        Protect(context);
        var token = TaskLinkRedaction.TokenOf(context) ?? routed;
        return TaskLinkTokens.LooksValid(token) ? token : null;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, ProcessEngine engine, IAntiforgery antiforgery,
        PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (LinkToken(token, context) is not { } valid)
        {
            return Page(StatusCodes.Status404NotFound, Pages.Unknown());
        }

        token = valid;

        var state = await engine.ReadTaskLinkAsync(TaskLinkTokens.Hash(token), cancellationToken);
        if (state.Status != TaskLinkStatus.Open)
        {
            return Page(StatusOf(state.Status), Pages.For(state, people));
        }

        return await TaskPageAsync(StatusCodes.Status200OK, token, state, context, engine, antiforgery, posted: null, [], cancellationToken);
    }

    private static async Task<IResult> TaskPageAsync(int status, string token, TaskLinkState state, HttpContext context, ProcessEngine engine,
        IAntiforgery antiforgery, IFormCollection? posted, IReadOnlyList<FourDuty.Engine.Forms.FormFieldError> errors, CancellationToken cancellationToken)
    {
        // With the pages built, the inbox's task page (its script and form-js) takes over this page; the HTML below stays
        // what a browser without script, or a mail scanner, sees. The script may only load from here and talk to here.
        var script = context.RequestServices.GetRequiredService<FourDuty.Host.Web.ClientAssets>().For("task");
        if (script is not null)
        {
            context.Response.Headers.ContentSecurityPolicy = FourDuty.Host.Web.PageEndpoints.ContentSecurityPolicy;
        }

        // The task with its instance, process name and form, read with the link (or once more after a refused submission):
        // showing the page writes nothing.
        var view = state.View ?? await engine.Queries.GetTaskViewAsync(state.Task!.Id, cancellationToken);
        if (view is null)
        {
            return Page(StatusCodes.Status404NotFound, Pages.Unknown());
        }

        var form = engine.FormOf(view);
        var tokens = antiforgery.GetAndStoreTokens(context);
        // The page speaks the language of the person the link was made for, as that person's mails do.
        var people = context.RequestServices.GetRequiredService<PeopleDirectory>();
        var language = FourDuty.Host.Web.UiLanguage.Of(context.Request, state.Person is { } person ? people.Find(person)?.Culture : null);
        FourDuty.Host.Web.UiLanguage.Vary(context.Response);
        var texts = new TaskPageHtml.Texts(language, context.RequestServices.GetRequiredService<FourDuty.Host.Web.ClientAssets>());
        return Page(status, TaskPageHtml.Task(view.Task, view.ProcessName, view.Instance.BusinessKey, Prefix + token, tokens.FormFieldName, tokens.RequestToken!,
            form is null ? "" : FormHtml.Fields(form.Schema, posted, errors), script, texts));
    }

    private static async Task<IResult> CompleteAsync(string token, HttpContext context, ProcessEngine engine, IAntiforgery antiforgery,
        PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (LinkToken(token, context) is not { } valid)
        {
            return Page(StatusCodes.Status404NotFound, Pages.Unknown());
        }

        token = valid;

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(StatusCodes.Status400BadRequest, TaskPageHtml.Message("页面已过期", "请从邮件中的链接重新打开此页面后再提交。",
                "The page's form token is missing or stale; open the link from the email again."));
        }

        var hash = TaskLinkTokens.Hash(token);
        var before = await engine.ReadTaskLinkAsync(hash, cancellationToken);
        AuditFilter.Note(context, actor: before.Person ?? "anonymous", target: before.Task is { } linked ? $"id={linked.Id}" : null,
            summary: "by task link", via: "link");
        if (before.Status != TaskLinkStatus.Open)
        {
            return Page(StatusOf(before.Status), Pages.For(before, people));
        }

        var posted = await context.Request.ReadFormAsync(cancellationToken);
        var form = before.View is { } view ? engine.FormOf(view) : null;
        var variables = form is null ? null : FormHtml.Submission(form.Schema, posted);
        var state = await engine.CompleteTaskByLinkAsync(hash, variables, cancellationToken);
        return state.Status switch
        {
            TaskLinkStatus.CompletedNow => Page(StatusCodes.Status200OK, TaskPageHtml.Message("已提交", $"“{state.Task!.Name}”已办理完成，感谢您的及时处理。")),
            TaskLinkStatus.InvalidSubmission => await TaskPageAsync(StatusCodes.Status422UnprocessableEntity, token, state, context, engine, antiforgery,
                posted, state.Errors, cancellationToken),
            _ => Page(StatusOf(state.Status), Pages.For(state, people)),
        };
    }

    private static void Protect(HttpContext context)
    {
        // The token is in the URL: never keep the page in a cache (no referrer, no framing: SecurityHeaders, as on
        // every page). The cache header is spelt as antiforgery spells it, which otherwise replaces it with a warning
        // in the log. The page loads nothing at all, so its policy is stricter than the service's.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    }

    private static IResult Page(int status, string html) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    internal static int StatusOf(TaskLinkStatus status) => status switch
    {
        TaskLinkStatus.Unknown => StatusCodes.Status404NotFound,
        TaskLinkStatus.Expired => StatusCodes.Status410Gone,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>What a link that no longer opens its task says (title, text in Chinese, a short English line).</summary>
    internal static (string Title, string Text) Texts(TaskLinkState state, PeopleDirectory people) =>
        Pages.Texts(state, people) is var (title, text, _) ? (title, text) : default;

    private static class Pages
    {
        public static string Unknown() =>
            TaskPageHtml.Message("链接无效", "此链接无效或已被修改，请检查是否完整复制了邮件中的链接。", "This link is not valid.");

        public static string For(TaskLinkState state, PeopleDirectory people) => Texts(state, people) is var (title, text, detail)
            ? TaskPageHtml.Message(title, text, detail)
            : Unknown();

        public static (string Title, string Text, string Detail) Texts(TaskLinkState state, PeopleDirectory people) => state.Status switch
        {
            TaskLinkStatus.Expired => ("链接已过期", $"此链接已于 {TaskPageHtml.Format(state.ExpiresAt!.Value)} 过期。请联系党委办公室重新发送。", "This link has expired."),
            TaskLinkStatus.Used or TaskLinkStatus.AlreadyCompleted when state.Task is { Status: FourDuty.Engine.Runtime.State.UserTaskStatus.Completed } task =>
                ("该任务已办理", $"“{task.Name}”已于 {TaskPageHtml.Format(task.EndedAt!.Value)} 由 {NameOf(people, task.CompletedBy)} 办理完成，无需重复提交。",
                    "This task was already completed."),
            TaskLinkStatus.Used => ("链接已使用", "此链接已使用过一次，不能再次使用。", "This link was already used."),
            TaskLinkStatus.Withdrawn => ("任务已撤回", "该任务所属的流程已变更或结束，此任务无需再办理。", "This task was withdrawn."),
            TaskLinkStatus.Reassigned => ("任务已转交", $"该任务现已由 {NameOf(people, state.Task?.Assignee)} 办理，此链接不再有效。", "This task now belongs to someone else."),
            _ => ("链接无效", "此链接无效或已被修改，请检查是否完整复制了邮件中的链接。", "This link is not valid."),
        };

        private static string NameOf(PeopleDirectory people, string? id) =>
            id is null ? "他人" : people.Find(id) is { } person ? $"{person.Name}（{person.Title}）" : id;
    }
}
