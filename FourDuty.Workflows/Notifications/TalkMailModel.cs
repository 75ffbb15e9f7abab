namespace FourDuty.Workflows.Notifications;

/// <summary>
/// What the talk invitation (<c>talk-invitation</c>) shows; the calendar part is built apart by
/// <see cref="CalendarInvitations"/>. Templates name the members in snake case: <c>{{ start_at }}</c>.
/// </summary>
internal sealed record TalkMailModel
{
    /// <summary>Who receives the mail, e.g. 李四.</summary>
    public required string RecipientName { get; init; }

    /// <summary>The kind of talk as the UI names it, e.g. 提醒谈话.</summary>
    public required string TalkKind { get; init; }

    /// <summary>Why the talk is held.</summary>
    public string? Reason { get; init; }

    /// <summary>The article of the measures it serves, e.g. 《实施办法》第二十七条.</summary>
    public string? Article { get; init; }

    /// <summary>When it starts, formatted (see <see cref="MailDates.Format"/>).</summary>
    public required string StartAt { get; init; }

    /// <summary>When it ends, formatted with <see cref="MailDates.FormatEnd"/> (only the time when it ends the same day).</summary>
    public string? EndAt { get; init; }

    /// <summary>Where it is held.</summary>
    public required string Location { get; init; }

    /// <summary>Who holds the talk (the person with cadre-management authority).</summary>
    public required string ConvenerName { get; init; }

    /// <summary>Who assists, e.g. the discipline secretary.</summary>
    public string? AssistantName { get; init; }

    /// <summary>True for a notice that the talk is cancelled (sent with METHOD:CANCEL).</summary>
    public bool Cancelled { get; init; }

    /// <summary>The talk's page, if it has one.</summary>
    public string? TaskUrl { get; init; }
}
