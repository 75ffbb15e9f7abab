using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.saveAssessment</c>: a self-assessment, analysis meeting, duty report or the committee's summary (property
/// <c>record</c>), from <c>year</c>, <c>subject</c>/<c>subjectId</c> (self-assessment, duty report), <c>period</c>
/// (default the year), <c>summary</c>, <c>problems</c>, <c>nextSteps</c>, <c>heldOn</c>, <c>reporter</c> (person id),
/// <c>attendees</c> (analysis meeting), <c>evaluation</c> and <c>evaluationNotes</c> (duty report). A self-assessment may
/// carry the subject's <c>dutyItems</c>/<c>riskItems</c>/<c>measureItems</c> as <c>duty.loadLists</c> gave them, with their
/// <c>state</c> updated: the items' states are stored (the list → execution → result loop). One record per kind, subject
/// and period: a second submission updates it. The committee's summary also gets the year's facts from the records, per
/// subject in the organisation's order (never ranked). Out: <c>assessmentId</c> (and <c>summaryFacts</c> for the summary).
/// </summary>
internal sealed class SaveAssessmentHandler(DutyWrites writes, PeopleDirectory directory) : DutyWriteHandler(writes)
{
    public override string Type => "duty.saveAssessment";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var kind = Enum.TryParse<AssessmentKind>(input.Property("record"), out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw input.Wrong("record", $"one of {string.Join(", ", Enum.GetNames<AssessmentKind>())}", JsonValue.Create(input.Property("record")));
        var year = input.Year();
        var subjectId = kind is AssessmentKind.SelfAssessment or AssessmentKind.DutyReport ? input.SubjectId() : PeopleResolver.SubjectIdOf(input.Value);
        var period = input.OptionalText("period") ?? year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var errors = new List<FormFieldError>();
        var heldOn = ItemDraft.DateOf(input.Value("heldOn"), "heldOn", errors);
        ListSubmission? states = null;
        if (kind == AssessmentKind.SelfAssessment && ListSubmission.IsIn(input.Context.Variables.Keys))
        {
            states = ListSubmission.Read(input.Value, errors);
            errors.AddRange(await states.CheckAsync(db, directory.Current, subjectId!, year, cancellationToken));
        }

        Refuse.IfAny(input, errors);
        var record = await db.Assessments.Where(a => a.Year == year && a.SubjectId == subjectId && a.Period == period).ToListAsync(cancellationToken) is var found
            && found.FirstOrDefault(a => a.Kind == kind) is { } existing
            ? existing
            : Add(db, kind, input, now);
        record.Year = year;
        record.SubjectId = subjectId;
        record.Period = period;
        record.PersonId = input.OptionalText("reporter") ?? (subjectId is null ? null : directory.Current.FindSubject(subjectId)?.OwnerId);
        record.Summary = input.OptionalText("summary");
        record.Problems = input.OptionalText("problems");
        record.NextSteps = input.OptionalText("nextSteps");
        record.HeldOn = heldOn;
        record.UpdatedAt = now;
        switch (record)
        {
            case AnalysisMeeting meeting:
                meeting.Attendees = ItemDraft.EvidenceOf(input.Value("attendees")).ToList();
                break;
            case DutyReport report:
                report.Evaluation = input.OptionalText("evaluation");
                report.EvaluationNotes = input.OptionalText("evaluationNotes");
                break;
            case CommitteeSummary summary:
                summary.Facts = await YearFacts.WriteAsync(db, directory.Current, year, cancellationToken);
                break;
        }

        if (states is not null)
        {
            // Only the states (and evidence) of the subject's own items change here; new rows are added to its lists.
            await ListItems.ApplyAsync(db, states, subjectId!, year, findingId: null, input.Context, now, cancellationToken);
        }

        return record is CommitteeSummary done
            ? DutyWrites.Vars(("assessmentId", record.Id.ToString()), ("summaryFacts", done.Facts))
            : DutyWrites.Vars(("assessmentId", record.Id.ToString()));
    }

    private static AssessmentRecord Add(DutyDbContext db, AssessmentKind kind, HandlerInput input, DateTimeOffset now)
    {
        AssessmentRecord record = kind switch
        {
            AssessmentKind.SelfAssessment => new SelfAssessment(),
            AssessmentKind.AnalysisMeeting => new AnalysisMeeting(),
            AssessmentKind.DutyReport => new DutyReport(),
            _ => new CommitteeSummary(),
        };
        db.Assessments.Add(DutyWrites.New(record, input.Context, now));
        return record;
    }
}
