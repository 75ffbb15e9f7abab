namespace FourDuty.Workflows.Notifications;

/// <summary>
/// What the lapse notice (<c>lapse-notice</c>) shows: a subject missed a deadline; sent to the subject and the related
/// subjects at once (Art. 26). Templates name the members in snake case: <c>{{ subject_name }}</c>.
/// </summary>
internal sealed record LapseMailModel
{
    /// <summary>Who receives the mail.</summary>
    public required string RecipientName { get; init; }

    /// <summary>The subject that missed it, e.g. 陈刚（一岗双责）.</summary>
    public required string SubjectName { get; init; }

    /// <summary>The person who held the task.</summary>
    public string? PersonName { get; init; }

    /// <summary>What was missed (the task's name).</summary>
    public required string What { get; init; }

    /// <summary>The deadline, formatted.</summary>
    public required string DueAt { get; init; }

    /// <summary>When the lapse was recorded, formatted.</summary>
    public required string RecordedAt { get; init; }

    /// <summary>The article the missed task served (or the notice's own), e.g. 《实施办法》第二十六条.</summary>
    public string? Article { get; init; }

    /// <summary>The subject's lapses this year, this one included.</summary>
    public int LapsesThisYear { get; init; }

    /// <summary>Who follows up first (the supervising leader), if anyone.</summary>
    public string? FollowUpName { get; init; }

    /// <summary>True when the recipient is the one who missed it.</summary>
    public bool ToSubject { get; init; }
}

/// <summary>What the upward report of a talk (<c>talk-report</c>) shows, for the upper body.</summary>
internal sealed record TalkReportMailModel
{
    /// <summary>Who receives the mail.</summary>
    public required string RecipientName { get; init; }

    /// <summary>The college.</summary>
    public required string Unit { get; init; }

    /// <summary>The kind of talk, e.g. 提醒谈话.</summary>
    public required string TalkKind { get; init; }

    /// <summary>Who was talked with, e.g. 王华（院长）.</summary>
    public required string PersonName { get; init; }

    /// <summary>Who held it.</summary>
    public required string HolderName { get; init; }

    /// <summary>Who assisted.</summary>
    public string? AssistantName { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }

    /// <summary>When, formatted; empty when not scheduled.</summary>
    public string? HeldAt { get; init; }

    /// <summary>The record, if entered.</summary>
    public string? Record { get; init; }

    /// <summary>The commitments, one per line, with their dates.</summary>
    public IReadOnlyList<string> Commitments { get; init; } = [];

    /// <summary>The article, e.g. 《实施办法》第十七条.</summary>
    public string? Article { get; init; }
}
