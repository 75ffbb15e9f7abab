namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// A comment on an open user task, as Camunda 7's <c>TaskService.createComment</c>: who, what kind, what they wrote. It is
/// kept in the instance's history (<see cref="State.HistoryEventType.TaskCommented"/>) and told to the task listeners in
/// the same step, so that a notification it causes commits with it. The task itself does not change (its revision stays).
/// </summary>
/// <param name="Type">What kind of comment, chosen by the caller (e.g. <c>comment</c>); comments are throttled per type.</param>
/// <param name="UserId">Who comments.</param>
/// <param name="Message">What they wrote; may be empty.</param>
public sealed record TaskComment(string Type, string UserId, string? Message);

/// <summary>A comment as recorded: its history event's id and time.</summary>
/// <param name="Id">The history event's id (unique, time-ordered).</param>
/// <param name="At">When, by the engine's clock.</param>
/// <param name="Comment">The comment.</param>
public sealed record TaskCommentEntry(Guid Id, DateTimeOffset At, TaskComment Comment);

/// <summary>What became of a comment: recorded, or refused because one of its type was made too recently.</summary>
/// <param name="Recorded">The comment recorded, or null when it was refused.</param>
/// <param name="Previous">The latest earlier comment of the same type on the task, if any.</param>
/// <param name="NextAllowedAt">When refused: the earliest time a comment of this type is taken again.</param>
public sealed record TaskCommentResult(TaskCommentEntry? Recorded, TaskCommentEntry? Previous, DateTimeOffset? NextAllowedAt);
