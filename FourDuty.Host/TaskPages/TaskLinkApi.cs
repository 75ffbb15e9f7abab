using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// What the task page's script needs when a mailed link opened it: the link's one task with its form
/// (<c>GET /t/{token}/task</c>) and its completion as JSON (<c>POST /t/{token}/complete</c>). The token authorises that
/// task only — reading it and completing it, nothing else — and signs nobody in. Under <c>/t/</c>, so the token is taken
/// out of the logged path and the link's rate limit applies, as for the page and its evidence upload.
/// </summary>
internal static class TaskLinkApi
{
    public static void MapTaskLinkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(TaskPageEndpoints.Prefix + "{token}/task", ReadAsync).ExcludeFromDescription().AllowAnonymous();
        // The antiforgery token (from the read) is checked by hand, as on the page's own POST, to answer in the page's words.
        app.MapPost(TaskPageEndpoints.Prefix + "{token}/complete", CompleteAsync).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous()
            .RequireRateLimiting(RateLimits.TaskLink).Audited("task.complete");
    }

    private static async Task<IResult> ReadAsync(string token, HttpContext context, ProcessEngine engine, IAntiforgery antiforgery, PeopleDirectory people,
        CancellationToken cancellationToken)
    {
        if (TaskPageEndpoints.LinkToken(token, context) is not { } valid)
        {
            return Refused(TaskLinkStatus.Unknown, TaskPageEndpoints.Texts(new TaskLinkState(TaskLinkStatus.Unknown, null, null, null), people));
        }

        var state = await engine.ReadTaskLinkAsync(TaskLinkTokens.Hash(valid), cancellationToken);
        var view = state.Status == TaskLinkStatus.Open ? state.View : null;
        if (view is null)
        {
            return Refused(state.Status, TaskPageEndpoints.Texts(state, people));
        }

        var task = state.Task!;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = engine.FormOf(view);
        return Results.Ok(new
        {
            task = new { task.Id, task.Name, task.ElementId, task.Description, task.DueAt, task.CreatedAt, Status = task.Status.ToString(), task.Revision },
            processName = view.ProcessName,
            businessKey = view.Instance.BusinessKey,
            form = form is null ? null : JsonNode.Parse(form.Definition.Json),
            data = form is null ? null : await TaskFormData.ReadAsync(engine, task, form, cancellationToken),
            antiforgery = new { header = tokens.HeaderName, token = tokens.RequestToken },
        });
    }

    private static async Task<IResult> CompleteAsync(string token, LinkCompletion? body, HttpContext context, ProcessEngine engine, IAntiforgery antiforgery,
        PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (TaskPageEndpoints.LinkToken(token, context) is not { } valid)
        {
            return Refused(TaskLinkStatus.Unknown, TaskPageEndpoints.Texts(new TaskLinkState(TaskLinkStatus.Unknown, null, null, null), people));
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Problem(StatusCodes.Status400BadRequest, "TASK-LINK-STALE", "页面已过期，请从邮件中的链接重新打开此页面后再提交。 The page's form token is missing or stale.");
        }

        // The step checks the link itself and says whose it is: no read before it (the token check is the step's first read).
        var state = await engine.CompleteTaskByLinkAsync(TaskLinkTokens.Hash(valid), body?.Variables, cancellationToken);
        AuditFilter.Note(context, actor: state.Person ?? "anonymous", target: state.Task is { } linked ? $"id={linked.Id}" : null,
            summary: "by task link", via: "link");
        return state.Status switch
        {
            TaskLinkStatus.CompletedNow => Results.NoContent(),
            TaskLinkStatus.InvalidSubmission => Problem(StatusCodes.Status422UnprocessableEntity, "ENGINE-FORM-INVALID",
                "表单有误，请按提示修改。 The form has errors.", state.Errors),
            _ => Refused(state.Status, TaskPageEndpoints.Texts(state, people)),
        };
    }

    private static IResult Refused(TaskLinkStatus status, (string Title, string Text) texts) =>
        Problem(TaskPageEndpoints.StatusOf(status), $"TASK-LINK-{status.ToString().ToUpperInvariant()}", $"{texts.Title}：{texts.Text}");

    private static IResult Problem(int status, string code, string detail, object? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = code, Detail = detail, Extensions = { ["code"] = code } };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return Results.Problem(problem);
    }
}

/// <summary>The variables the task page's form submits through a mailed link.</summary>
/// <param name="Variables">By form field key.</param>
internal sealed record LinkCompletion(Dictionary<string, JsonNode?>? Variables);
