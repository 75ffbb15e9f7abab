using System.Collections.Frozen;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.recordFeedback</c>: feedback and its findings, from <c>source</c> (<c>InspectionTour</c>, <c>Patrol</c>,
/// <c>SupervisionCheck</c>, <c>Audit</c>, <c>SpecialCheck</c>, or 巡视/巡察/督查/审计/专项检查), <c>title</c>,
/// <c>receivedOn</c> (yyyy-MM-dd) and <c>findings</c> (rows with <c>text</c>, or plain texts). Out: <c>feedbackId</c>,
/// <c>findings</c> as <c>{ id, number, text }</c>.
/// </summary>
internal sealed class RecordFeedbackHandler(DutyWrites writes) : DutyWriteHandler(writes)
{
    public override string Type => "duty.recordFeedback";

    protected override Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var errors = new List<FormFieldError>();
        var source = FeedbackRules.Source(input.OptionalText("source"), errors);
        var receivedOn = ItemDraft.DateOf(input.Value("receivedOn"), "receivedOn", errors);
        var texts = FeedbackRules.Findings(input.Value("findings"), errors);
        Refuse.IfAny(input, errors);
        var received = receivedOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        var feedback = DutyWrites.New(new Feedback
        {
            Source = source!.Value,
            Title = input.RequiredText("title", "the feedback's title"),
            ReceivedOn = received,
            Year = received.Year,
        }, input.Context, now);
        db.Feedback.Add(feedback);
        var findings = texts.Select((text, i) => DutyWrites.New(new Finding { FeedbackId = feedback.Id, Number = i + 1, Text = text }, input.Context, now)).ToList();
        db.Findings.AddRange(findings);
        return Task.FromResult(DutyWrites.Vars(("feedbackId", feedback.Id.ToString()),
            ("findings", new JsonArray(findings.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id.ToString(), ["number"] = f.Number, ["text"] = f.Text }).ToArray()))));
    }
}

/// <summary>The rules of a feedback submission: a known source, at least one finding with text.</summary>
internal static class FeedbackRules
{
    private static readonly FrozenDictionary<string, FeedbackSource> Chinese = new Dictionary<string, FeedbackSource>(StringComparer.Ordinal)
    {
        ["巡视"] = FeedbackSource.InspectionTour,
        ["巡察"] = FeedbackSource.Patrol,
        ["督查"] = FeedbackSource.SupervisionCheck,
        ["审计"] = FeedbackSource.Audit,
        ["专项检查"] = FeedbackSource.SpecialCheck,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FeedbackSource? Source(string? text, List<FormFieldError> errors)
    {
        if (text is not null && (Chinese.TryGetValue(text, out var source) || (Enum.TryParse(text, out source) && Enum.IsDefined(source))))
        {
            return source;
        }

        errors.Add(DutyErrors.At("source", DutyErrors.Choice, $"反馈来源“{text}”无效，应为巡视、巡察、督查、审计或专项检查。",
            $"'{text}' is not a feedback source ({string.Join(", ", Enum.GetNames<FeedbackSource>())})."));
        return null;
    }

    public static List<string> Findings(JsonNode? list, List<FormFieldError> errors)
    {
        var texts = (list as JsonArray ?? []).Select(f => HandlerInput.Text(f is JsonObject o ? o["text"] ?? o["title"] : f)?.Trim() ?? "").ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length == 0)
            {
                errors.Add(DutyErrors.At($"findings[{i}].text", DutyErrors.Required, "请填写问题内容。", "The finding needs its text."));
            }
        }

        if (texts.Count == 0)
        {
            errors.Add(DutyErrors.At("findings", DutyErrors.Required, "请至少填写一个反馈问题。", "Give at least one finding."));
        }

        return texts;
    }
}
