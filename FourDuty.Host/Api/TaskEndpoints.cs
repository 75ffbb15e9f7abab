using FourDuty.Engine;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Host.Api;

internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks");
        tasks.MapGet("", ListAsync).WithSummary("Open user tasks, filtered by ?assignee=&candidateUser=&candidateGroup=&instanceId=&dueBefore=");
        tasks.MapGet("/{id:guid}", GetAsync).WithSummary("One user task, in any state");
        tasks.MapGet("/{id:guid}/form", FormAsync).WithSummary("The task's form-js form (404 when it names none)");
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Completes the task; 409 when it is no longer open, 422 with every field error when the form refuses the variables");
        tasks.MapPost("/{id:guid}/claim", (Guid id, AssigneeRequest body, ProcessEngine engine, CancellationToken ct) => ChangeAsync(id, AssigneeChange.Claim, body, engine, ct));
        tasks.MapPost("/{id:guid}/unclaim", (Guid id, AssigneeRequest? body, ProcessEngine engine, CancellationToken ct) => ChangeAsync(id, AssigneeChange.Unclaim, body, engine, ct));
        tasks.MapPost("/{id:guid}/delegate", (Guid id, AssigneeRequest body, ProcessEngine engine, CancellationToken ct) => ChangeAsync(id, AssigneeChange.Delegate, body, engine, ct));
        tasks.MapPost("/{id:guid}/assign", (Guid id, AssigneeRequest body, ProcessEngine engine, CancellationToken ct) => ChangeAsync(id, AssigneeChange.Assign, body, engine, ct));
    }

    private static async Task<IResult> ListAsync(string? assignee, string? candidateUser, string? candidateGroup, Guid? instanceId,
        DateTimeOffset? dueBefore, ProcessEngine engine, CancellationToken cancellationToken) =>
        Results.Ok(await engine.Queries.ListTasksAsync(
            new TaskFilter(assignee, candidateUser, candidateGroup, instanceId, DueBefore: dueBefore), cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, ProcessEngine engine, CancellationToken cancellationToken) =>
        await engine.Queries.GetTaskAsync(id, cancellationToken) is { } task
            ? Results.Ok(task)
            : ApiErrors.NotFound("ENGINE-TASK-NOT-FOUND", $"There is no task {id}.");

    private static async Task<IResult> FormAsync(Guid id, ProcessEngine engine, CancellationToken cancellationToken) =>
        await engine.GetTaskFormAsync(id, cancellationToken) is { } form
            ? Results.Text(form.Definition.Json, "application/json; charset=utf-8")
            : ApiErrors.NotFound("ENGINE-FORM-NOT-FOUND", $"Task {id} names no deployed form.");

    private static async Task<IResult> CompleteAsync(Guid id, CompleteRequest? body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        await engine.CompleteTaskAsync(id, body?.Variables, body?.UserId, body?.Revision, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangeAsync(Guid id, AssigneeChange change, AssigneeRequest? body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        await engine.ChangeAssigneeAsync(id, change, body?.UserId, body?.Revision, cancellationToken);
        return Results.Ok(await engine.Queries.GetTaskAsync(id, cancellationToken));
    }
}
