using System.Text.Json.Nodes;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.recordFollowUp</c>: what a follow-up did, from <c>lapseId</c> (a gap-filling follow-up, Art. 26) or
/// <c>commitmentId</c> (a talk's commitment followed up by its date), <c>actions</c> (required: the follow-up must say
/// what was done), <c>outcome</c> and <c>followedUpBy</c> (person id). Out: <c>followUpId</c>.
/// </summary>
internal sealed class RecordFollowUpHandler(DutyWrites writes) : DutyWriteHandler(writes)
{
    public override string Type => "duty.recordFollowUp";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var lapseId = input.OptionalGuid("lapseId");
        var commitmentId = input.OptionalGuid("commitmentId");
        if (lapseId is null && commitmentId is null)
        {
            throw input.Missing("lapseId", "the lapse followed up (or commitmentId, the talk commitment followed up)");
        }

        if (lapseId is { } lapse && !await db.Lapses.AnyAsync(l => l.Id == lapse, cancellationToken))
        {
            throw input.Wrong("lapseId", "the id of a recorded lapse", JsonValue.Create(lapse.ToString()));
        }

        if (commitmentId is { } id)
        {
            var commitment = await db.Commitments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw input.Wrong("commitmentId", "the id of a talk commitment", JsonValue.Create(id.ToString()));
            commitment.FollowedUpAt ??= now;
        }

        var followUp = DutyWrites.New(new FollowUp
        {
            LapseId = lapseId,
            CommitmentId = commitmentId,
            PersonId = input.OptionalText("followedUpBy"),
            Actions = input.RequiredText("actions", "what the follow-up did"),
            Outcome = input.OptionalText("outcome"),
        }, input.Context, now);
        db.FollowUps.Add(followUp);
        return DutyWrites.Vars(("followUpId", followUp.Id.ToString()));
    }
}
