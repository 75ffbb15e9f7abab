using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.saveLists</c>: stores one subject's claims and three lists for <c>year</c>, for the subject in
/// <c>subject</c>/<c>subjectId</c>, from <c>claims</c> (project item ids) and <c>dutyItems</c>, <c>riskItems</c>,
/// <c>measureItems</c> (rows as <see cref="ItemDraft"/> describes). A row with an id changes that item of this subject's
/// list, one without adds it; items are never removed (mark them done). Evidence named in a row is linked to its item.
/// Out: the subject's <c>dutyItems</c>, <c>riskItems</c>, <c>measureItems</c> and <c>claims</c> as <c>duty.loadLists</c> gives them.
/// </summary>
internal sealed class SaveListsHandler(DutyWrites writes, PeopleDirectory directory) : DutyWriteHandler(writes)
{
    public override string Type => "duty.saveLists";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var year = input.Year();
        var subjectId = input.SubjectId();
        var errors = new List<FormFieldError>();
        var submission = ListSubmission.Read(input.Value, errors);
        errors.AddRange(await submission.CheckAsync(db, directory.Current, subjectId, year, cancellationToken));
        Refuse.IfAny(input, errors);

        var claimed = await db.Claims.Where(c => c.SubjectId == subjectId && c.Year == year).Select(c => c.ProjectItemId).ToListAsync(cancellationToken);
        foreach (var projectItem in submission.Claims.Select(c => c.ProjectItemId!.Value).Distinct().Except(claimed))
        {
            db.Claims.Add(DutyWrites.New(new Claim { ProjectItemId = projectItem, SubjectId = subjectId, Year = year }, input.Context, now));
        }

        await ListItems.ApplyAsync(db, submission, subjectId, year, findingId: null, input.Context, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ListItems.LoadAsync(db, subjectId, year, cancellationToken);
    }
}
