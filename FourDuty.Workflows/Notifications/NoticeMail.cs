namespace FourDuty.Workflows.Notifications;

/// <summary>
/// The payload of a notice in the outbox: a mail about a record of the domain (a lapse, a talk) rather than about a user
/// task, so it carries no task link (there is nothing for the recipient to complete).
/// </summary>
/// <param name="Template">The mail template, e.g. <c>lapse-notice</c>, <c>talk-report</c>.</param>
/// <param name="Person">The recipient's person id.</param>
/// <param name="LapseId">The lapse it is about.</param>
/// <param name="TalkId">The talk it is about.</param>
/// <param name="Article">The article the notice cites, if the send task names one.</param>
public sealed record NoticeMail(string Template, string Person, Guid? LapseId, Guid? TalkId, string? Article)
{
    /// <summary>The outbox kind <see cref="NoticeOutboxHandler"/> delivers.</summary>
    public const string Kind = "notice";
}
