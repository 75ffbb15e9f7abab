using System.Security.Claims;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

/// <summary>
/// User tasks. Every signed-in person may call these; what they see and may do follows <see cref="TaskRules"/>: a leader
/// their own tasks and those offered to them, the office every task. A completion is always the signed-in person's.
/// </summary>
internal static class TaskEndpoints
{
    private const string Rules = "Leaders see and act on their own tasks, those delegated to them and those offered to them or their groups; " +
        "office, discipline secretary and first-responsible persons see every task; only the office reassigns. 403 names the rule.";

    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks").RequireAuthorization(AccessPolicy.SignedIn);
        tasks.MapGet("", ListAsync).WithDescription(Rules)
            .WithSummary("Open user tasks you may see, filtered by ?assignee=&candidateUser=&candidateGroup=&instanceId=&dueBefore=");
        tasks.MapGet("/{id:guid}", GetAsync).WithDescription(Rules).WithSummary("One user task, in any state");
        tasks.MapGet("/{id:guid}/form", FormAsync).WithDescription(Rules).WithSummary("The task's form-js form (404 when it names none)");
        tasks.MapGet("/{id:guid}/form-variables", FormVariablesAsync).WithDescription(Rules)
            .WithSummary("What the task's form opens with: for each of its fields the value already known (loaded from the records, or typed in an earlier task); 404 when it names no form");
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).Audited("task.complete", call => Variables(call.Argument<CompleteRequest>()))
            .WithDescription(Rules)
            .WithSummary("Completes the task as the signed-in person; 409 when it is no longer open, 422 with every field error when the form refuses the variables");
        Change(tasks, "claim", TaskAction.Claim, AssigneeChange.Claim, "Takes an offered task for the signed-in person");
        Change(tasks, "unclaim", TaskAction.Unclaim, AssigneeChange.Unclaim, "Gives the task back to its candidates");
        Change(tasks, "delegate", TaskAction.Delegate, AssigneeChange.Delegate, "Hands the task to userId; the assignee stays its owner");
        Change(tasks, "assign", TaskAction.Assign, AssigneeChange.Assign, "Reassigns the task to userId (office)");
    }

    private static void Change(RouteGroupBuilder tasks, string verb, TaskAction action, AssigneeChange change, string summary) =>
        tasks.MapPost($"/{{id:guid}}/{verb}", (Guid id, AssigneeRequest? body, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, CancellationToken ct) =>
                ChangeAsync(id, action, change, body, user, engine, rules, ct))
            .Audited($"task.{verb}", call => call.Argument<AssigneeRequest>()?.UserId is { } to && action is TaskAction.Delegate or TaskAction.Assign ? $"to {to}" : null)
            .WithDescription(Rules).WithSummary(summary);

    private static async Task<IResult> ListAsync(string? assignee, string? candidateUser, string? candidateGroup, Guid? instanceId,
        DateTimeOffset? dueBefore, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(user);
        var tasks = await engine.Queries.ListTasksAsync(new TaskFilter(assignee, candidateUser, candidateGroup, instanceId, DueBefore: dueBefore), cancellationToken);
        return Results.Ok(caller.Oversees ? tasks : tasks.Where(task => rules.MaySee(caller, task)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, CancellationToken cancellationToken)
    {
        var (refusal, task) = await VisibleAsync(id, user, engine, rules, cancellationToken);
        return refusal ?? Results.Ok(task);
    }

    private static async Task<IResult> FormAsync(Guid id, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, CancellationToken cancellationToken)
    {
        if ((await VisibleAsync(id, user, engine, rules, cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        return await engine.GetTaskFormAsync(id, cancellationToken) is { } form
            ? Results.Text(form.Definition.Json, "application/json; charset=utf-8")
            : ApiErrors.NotFound("ENGINE-FORM-NOT-FOUND", $"Task {id} names no deployed form.");
    }

    private static async Task<IResult> FormVariablesAsync(Guid id, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, CancellationToken cancellationToken)
    {
        var (refusal, task) = await VisibleAsync(id, user, engine, rules, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await engine.GetTaskFormAsync(id, cancellationToken) is { } form
            ? Results.Ok(await TaskPages.TaskFormData.ReadAsync(engine, task!, form, cancellationToken))
            : ApiErrors.NotFound("ENGINE-FORM-NOT-FOUND", $"Task {id} names no deployed form.");
    }

    private static async Task<IResult> CompleteAsync(Guid id, CompleteRequest? body, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules,
        CancellationToken cancellationToken)
    {
        var caller = Caller.Of(user);
        var (refusal, task) = await AllowedAsync(id, caller, TaskAction.Complete, engine, rules, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // The revision that was checked: if the task changes hands in between, the engine refuses instead of acting.
        await engine.CompleteTaskAsync(id, body?.Variables, caller.Id, body?.Revision ?? task!.Revision, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangeAsync(Guid id, TaskAction action, AssigneeChange change, AssigneeRequest? body, ClaimsPrincipal user,
        ProcessEngine engine, TaskRules rules, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(user);
        var (refusal, task) = await AllowedAsync(id, caller, action, engine, rules, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var to = change == AssigneeChange.Claim ? caller.Id : body?.UserId;
        await engine.ChangeAssigneeAsync(id, change, to, body?.Revision ?? task!.Revision, cancellationToken);
        return Results.Ok(await engine.Queries.GetTaskAsync(id, cancellationToken));
    }

    private static async Task<(IResult? Refusal, UserTaskRecord? Task)> VisibleAsync(Guid id, ClaimsPrincipal user, ProcessEngine engine, TaskRules rules,
        CancellationToken cancellationToken)
    {
        var task = await engine.Queries.GetTaskAsync(id, cancellationToken);
        if (task is null)
        {
            return (ApiErrors.NotFound("ENGINE-TASK-NOT-FOUND", $"There is no task {id}."), null);
        }

        return rules.MaySee(Caller.Of(user), task)
            ? (null, task)
            : (Forbidden($"任务 {id} 不是您的任务 / task {id} is neither yours nor offered to you."), null);
    }

    private static async Task<(IResult? Refusal, UserTaskRecord? Task)> AllowedAsync(Guid id, Caller caller, TaskAction action, ProcessEngine engine,
        TaskRules rules, CancellationToken cancellationToken)
    {
        var task = await engine.Queries.GetTaskAsync(id, cancellationToken);
        if (task is null)
        {
            return (ApiErrors.NotFound("ENGINE-TASK-NOT-FOUND", $"There is no task {id}."), null);
        }

        if (task.Status != UserTaskStatus.Open)
        {
            // Let the engine say what happened to it (completed by whom, when): 409.
            return (null, task);
        }

        return rules.WhyNot(caller, task, action) is { } why ? (Forbidden(why), null) : (null, task);
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "TASK-FORBIDDEN",
            extensions: new Dictionary<string, object?> { ["code"] = "TASK-FORBIDDEN" });

    private static string? Variables(CompleteRequest? body) =>
        body?.Variables is { Count: > 0 } variables ? "variables " + string.Join(", ", variables.Keys) : null;
}
