using System.Globalization;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.recordTalk</c>: opens a reminder talk (no <c>talkId</c> yet) or adds to it: from <c>subjectId</c>,
/// <c>talkKind</c> (<c>Reminder</c>, <c>Admonition</c>, <c>Integrity</c>, or 提醒谈话/诫勉谈话/廉政谈话), <c>reason</c>,
/// <c>holder</c>, <c>assistant</c>, <c>reportUpward</c>, <c>lapseId</c>/<c>lapseIds</c>, <c>talkAt</c> (when),
/// <c>talkLocation</c>, <c>record</c> (what was said) and <c>commitments</c> (rows of <c>{ id?, text, dueOn }</c>). Holder,
/// assistant and upward report default to the cadre-management authority over the subject's owner. Out: <c>talkId</c>,
/// <c>commitments</c> as <c>{ id, number, text, dueOn }</c> (the collection each commitment's follow-up runs over).
/// </summary>
internal sealed class RecordTalkHandler(DutyWrites writes, PeopleResolver people, PeopleDirectory directory, FourDuty.Engine.Runtime.EngineOptions options)
    : DutyWriteHandler(writes)
{
    public override string Type => "duty.recordTalk";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var talk = input.OptionalGuid("talkId") is { } id
            ? await db.Talks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw input.Wrong("talkId", "the id of a recorded talk", JsonValue.Create(id.ToString()))
            : Open(input, db, now);
        var errors = new List<FormFieldError>();
        var commitments = TalkRules.Commitments(input.Value("commitments"), errors);
        Refuse.IfAny(input, errors);
        talk.Kind = TalkRules.Kind(input.OptionalText("talkKind")) ?? talk.Kind;
        talk.Reason = input.OptionalText("reason") ?? talk.Reason;
        talk.Place = input.OptionalText("talkLocation") ?? talk.Place;
        if (input.OptionalText("talkAt") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            talk.ScheduledAt = when.ToUniversalTime();
        }

        if (input.OptionalText("record") is { Length: > 0 } record)
        {
            talk.Record = record;
            talk.RecordedAt = now;
        }

        talk.UpdatedAt = now;
        var stored = await db.Commitments.Where(c => c.TalkId == talk.Id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        foreach (var (commitmentId, text, dueOn) in commitments)
        {
            var commitment = stored.FirstOrDefault(c => c.Id == commitmentId);
            if (commitment is null)
            {
                commitment = new TalkCommitment { Id = Guid.CreateVersion7(now), TalkId = talk.Id, Number = stored.Count + 1 };
                stored.Add(commitment);
                db.Commitments.Add(commitment);
            }

            commitment.Text = text;
            commitment.DueOn = dueOn;
        }

        return DutyWrites.Vars(("talkId", talk.Id.ToString()), ("commitments", new JsonArray(stored.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id.ToString(),
            ["number"] = c.Number,
            ["text"] = c.Text,
            ["dueOn"] = c.DueOn?.ToString("yyyy-MM-dd"),
        }).ToArray())));
    }

    private ReminderTalk Open(HandlerInput input, DutyDbContext db, DateTimeOffset now)
    {
        var subjectId = input.SubjectId();
        var around = people.Around(subjectId) ?? throw input.Wrong("subjectId", "the id of a subject in the organisation file", JsonValue.Create(subjectId));
        var authority = directory.Current.AuthorityOver(around.Owner);
        var lapses = ItemDraft.EvidenceOf(input.Value("lapseIds")).Append(input.OptionalText("lapseId") ?? "")
            .Select(l => Guid.TryParse(l, out var lapse) ? lapse : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var talk = DutyWrites.New(new ReminderTalk
        {
            SubjectId = subjectId,
            PersonId = around.Owner,
            Year = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).Year,
            Kind = TalkKind.Reminder,
            HolderId = input.OptionalText("holder") ?? authority?.HolderId ?? throw input.Missing("holder", "who holds the talk (no cadre authority is recorded)"),
            AssistantId = input.OptionalText("assistant") ?? authority?.AssistantId,
            ReportUpward = input.Value("reportUpward") is null ? authority?.ReportUpward ?? false : input.Flag("reportUpward"),
            LapseIds = lapses,
        }, input.Context, now);
        db.Talks.Add(talk);
        return talk;
    }
}

/// <summary>How a talk's kind and commitments are submitted.</summary>
internal static class TalkRules
{
    public static TalkKind? Kind(string? text) => text switch
    {
        null => null,
        "提醒谈话" => TalkKind.Reminder,
        "诫勉谈话" => TalkKind.Admonition,
        "廉政谈话" => TalkKind.Integrity,
        _ => Enum.TryParse<TalkKind>(text, out var kind) && Enum.IsDefined(kind) ? kind : null,
    };

    public static List<(Guid? Id, string Text, DateOnly? DueOn)> Commitments(JsonNode? list, List<FormFieldError> errors)
    {
        var rows = new List<(Guid?, string, DateOnly?)>();
        var array = list as JsonArray ?? [];
        for (var i = 0; i < array.Count; i++)
        {
            var row = array[i] as JsonObject ?? new JsonObject { ["text"] = array[i]?.DeepClone() };
            var text = HandlerInput.Text(row["text"])?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(DutyErrors.At($"commitments[{i}].text", DutyErrors.Required, "请填写整改承诺的内容。", "The commitment needs its text."));
            }

            rows.Add((ItemDraft.GuidOf(row["id"]), text ?? "", ItemDraft.DateOf(row["dueOn"], $"commitments[{i}].dueOn", errors)));
        }

        return rows;
    }
}
