using System.Text.Json.Nodes;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.writtenReport</c>: the written report on a feedback's rectification, produced from the records (feedback,
/// findings, assignments, rounds, verifications, close-outs, evidence, list changes), from <c>feedbackId</c>. Out:
/// <c>reportId</c>, <c>reportTitle</c>, <c>reportText</c>.
/// </summary>
internal sealed class WrittenReportHandler(DutyWrites writes, Organization.PeopleDirectory directory, FourDuty.Engine.Runtime.EngineOptions options)
    : DutyWriteHandler(writes)
{
    public override string Type => "duty.writtenReport";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var feedbackId = input.RequiredGuid("feedbackId", "the id duty.recordFeedback gave the feedback");
        var (title, text) = await ReportWriter.WriteAsync(db, directory.Current, feedbackId, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), cancellationToken)
            ?? throw input.Wrong("feedbackId", "the id of recorded feedback", JsonValue.Create(feedbackId.ToString()));
        var report = DutyWrites.New(new WrittenReport { FeedbackId = feedbackId, Title = title, Text = text }, input.Context, now);
        db.WrittenReports.Add(report);
        return DutyWrites.Vars(("reportId", report.Id.ToString()), ("reportTitle", title), ("reportText", text));
    }
}
