using System.Globalization;
using System.Security.Claims;
using FourDuty.Engine;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Oversight;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Oversight;

/// <summary>The body of an urge: an optional short message for the people who hold the task.</summary>
/// <param name="Message">At most <see cref="Urge.MaxMessageLength"/> characters; one paragraph or a few lines.</param>
public sealed record UrgeRequest(string? Message);

/// <summary>An urge as recorded.</summary>
/// <param name="Id">The urge (its history event).</param>
/// <param name="TaskId">The task urged.</param>
/// <param name="InstanceId">Its instance.</param>
/// <param name="By">Who urged (person id).</param>
/// <param name="At">When, by the service's clock.</param>
/// <param name="Message">The message, if any.</param>
/// <param name="Recipients">Who the reminder mail goes to (person ids): the assignee, else the task's candidates.</param>
/// <param name="NextAllowedAt">The earliest time the task may be urged again.</param>
public sealed record UrgeView(Guid Id, Guid TaskId, Guid InstanceId, string By, DateTimeOffset At, string? Message, IReadOnlyList<string> Recipients,
    DateTimeOffset NextAllowedAt);

/// <summary>How often one task may be urged (<c>Oversight:Urge:Interval</c>, one hour by default), so that no leader's mailbox is flooded.</summary>
public sealed class UrgeOptions
{
    /// <summary>The shortest time between two urges of the same task, by anyone.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// 催办 (<c>POST /api/tasks/{id}/urge</c>, office or discipline secretary): the engine records it as a task comment of type
/// <see cref="Urge.CommentType"/> in the instance's history, and the task mail listener mails the task's people their link in
/// the same step. Refusals say why in Chinese and English: 404 unknown task, 409 not open, 422 message too long, 429 urged
/// too recently (with the time of the next allowed urge).
/// </summary>
internal static class UrgeEndpoints
{
    public const string TooSoon = "TASK-URGE-TOO-SOON";

    public static void MapUrgeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/tasks/{id:guid}/urge", UrgeAsync).RequireAuthorization(AccessPolicy.Urge).WithTags("Tasks")
            .Audited("task.urge", call => call.Result is UrgeView urge ? $"urged {string.Join(", ", urge.Recipients)}" : null)
            .WithSummary($"催办: mails the open task's assignee (else its candidates) a reminder with their task link, recorded in the instance's history; body {{ message? }} (at most {Urge.MaxMessageLength} characters). 404 unknown task, 409 not open, 429 urged within Oversight:Urge:Interval (the problem says when next)");

    private static async Task<IResult> UrgeAsync(Guid id, UrgeRequest? body, ClaimsPrincipal user, ProcessEngine engine, IOptions<UrgeOptions> options,
        PeopleDirectory people, EngineOptions engineOptions, TaskMailListener mails, CancellationToken cancellationToken)
    {
        var message = body?.Message?.Trim().ReplaceLineEndings("\n");
        if (message is { Length: > Urge.MaxMessageLength })
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "TASK-URGE-MESSAGE",
                $"催办意见不能超过{Urge.MaxMessageLength}个字（现有{message.Length}个）。 The message may have at most {Urge.MaxMessageLength} characters; it has {message.Length}.");
        }

        if (message is not null && message.Any(c => char.IsControl(c) && c != '\n'))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "TASK-URGE-MESSAGE",
                "催办意见含有控制字符。 The message holds a control character; send plain text.");
        }

        var interval = options.Value.Interval;
        TaskCommentResult result;
        try
        {
            result = await engine.CommentOnTaskAsync(id, new TaskComment(Urge.CommentType, Caller.Of(user).Id, string.IsNullOrEmpty(message) ? null : message),
                interval > TimeSpan.Zero ? interval : null, cancellationToken);
        }
        catch (EngineException refused) when (refused.Error == EngineErrors.TaskNotFound)
        {
            return Problem(StatusCodes.Status404NotFound, refused.Error.Code, $"没有这项任务（{id}）。 There is no task {id}.");
        }
        catch (EngineException refused) when (refused.Error == EngineErrors.TaskNotOpen)
        {
            return Problem(StatusCodes.Status409Conflict, refused.Error.Code,
                $"任务已不在办理中，无需催办。 Task {id} is no longer open, so there is nothing to urge: {refused.Message}");
        }

        if (result.Recorded is not { } urged)
        {
            var next = result.NextAllowedAt!.Value;
            var previous = result.Previous!;
            var by = people.Find(previous.Comment.UserId)?.Name ?? previous.Comment.UserId;
            return Results.Problem(
                $"该任务已于{Local(previous.At, engineOptions)}由{by}催办，{Local(next, engineOptions)}后方可再次催办。 Task {id} was urged by {by} at {previous.At:u}; it may be urged again from {next:u} (at most once per {interval:g}).",
                statusCode: StatusCodes.Status429TooManyRequests, title: TooSoon,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = TooSoon,
                    ["nextAllowedAt"] = next,
                    ["lastUrgedAt"] = previous.At,
                    ["lastUrgedBy"] = previous.Comment.UserId,
                });
        }

        // The urge's own step mailed them: the task mail listener's rule, on the task as it stands (an urge does not change it).
        var task = (await engine.Queries.GetTaskAsync(id, cancellationToken))!;
        return Results.Ok(new UrgeView(urged.Id, id, task.InstanceId, urged.Comment.UserId, urged.At, urged.Comment.Message, mails.Recipients(task),
            urged.At + interval));
    }

    // The time as the college reads it (the service's zone); the English part gives UTC.
    private static string Local(DateTimeOffset instant, EngineOptions engine) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone)).ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture);

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
