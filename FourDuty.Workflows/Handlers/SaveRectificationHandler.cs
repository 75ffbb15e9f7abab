using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.saveRectification</c>: one round of a finding's rectification, from <c>finding</c> (its id, or the object
/// <c>duty.assignFindings</c> gave), <c>measures</c> (what was done), <c>outcome</c>, <c>evidence</c> (uploaded ids and
/// links, linked to the finding, with the evidence already on the list items the round names) and the subject's <c>riskItems</c>/<c>measureItems</c> changed or added for it (Art. 25;
/// rows as <c>duty.loadLists</c> gives them, stored on the subject's lists of the feedback's year and marked with the
/// finding). Each submission after a rejection is a new round. Out: <c>rectificationId</c>, <c>round</c>, and the round's
/// <c>riskItems</c>/<c>measureItems</c> as stored (with their ids), which a round sent back opens with.
/// </summary>
internal sealed class SaveRectificationHandler(DutyWrites writes, PeopleDirectory directory) : DutyWriteHandler(writes)
{
    public override string Type => "duty.saveRectification";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var finding = await FindingOf(input, db, cancellationToken);
        var year = await db.Feedback.Where(f => f.Id == finding.FeedbackId).Select(f => f.Year).SingleAsync(cancellationToken);
        var subjectId = finding.SubjectId ?? throw input.Wrong("finding", "a finding assigned to a subject (duty.assignFindings)", JsonValue.Create(finding.Id.ToString()));
        var errors = new List<FormFieldError>();
        var lists = ListSubmission.Read(input.Value, errors);
        errors.AddRange(await lists.CheckAsync(db, directory.Current, subjectId, year, cancellationToken));
        var evidence = ItemDraft.EvidenceOf(input.Value("evidence"));
        await EvidenceRules.CheckAsync(db, evidence.Select((e, i) => ($"evidence[{i}]", e)), subjectId, errors, cancellationToken);
        Refuse.IfAny(input, errors);

        var round = await db.RectificationRounds.CountAsync(r => r.FindingId == finding.Id, cancellationToken) + 1;
        var updated = await ListItems.ApplyAsync(db, lists, subjectId, year, finding.Id, input.Context, now, cancellationToken);
        // Evidence the subject already attached to the list items this round names supports the finding too: typed once, never asked again.
        var reused = (await EvidenceLinks.OfAsync(db, EvidenceTarget.ListItem, updated, cancellationToken)).Values.SelectMany(e => e);
        await EvidenceLinks.AttachAsync(db, evidence.Concat(reused), EvidenceTarget.Finding, finding.Id, subjectId, input.Context.InstanceId, input.Context.ElementId, now,
            cancellationToken);
        var record = DutyWrites.New(new RectificationRound
        {
            FindingId = finding.Id,
            Round = round,
            SubjectId = subjectId,
            Measures = input.RequiredText("measures", "what was done to rectify the finding"),
            Outcome = input.OptionalText("outcome"),
            UpdatedItemIds = updated,
        }, input.Context, now);
        db.RectificationRounds.Add(record);
        finding.State = FindingState.Submitted;
        finding.UpdatedAt = now;
        // The items as stored (with their ids), so that a round sent back opens with them and changes them instead of adding them again.
        await db.SaveChangesAsync(cancellationToken);
        var stored = await ListItems.LoadAsync(db, subjectId, year, cancellationToken);
        JsonArray Written(string name) => new(((JsonArray)stored[name]!).Where(i => updated.Contains(Guid.Parse(i!["id"]!.GetValue<string>())))
            .Select(i => i!.DeepClone()).ToArray());
        return DutyWrites.Vars(("rectificationId", record.Id.ToString()), ("round", round), ("riskItems", Written("riskItems")),
            ("measureItems", Written("measureItems")));
    }

    public static async Task<Finding> FindingOf(HandlerInput input, DutyDbContext db, CancellationToken cancellationToken)
    {
        var id = input.RequiredGuid("finding", "the finding (its id, or the object duty.assignFindings gave)");
        return await db.Findings.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw input.Wrong("finding", "the id of a recorded finding", JsonValue.Create(id.ToString()));
    }
}
