using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.verifyFinding</c>: the discipline secretary's verdict on the latest round of a finding, from <c>finding</c>,
/// <c>verdict</c> (<c>accepted</c>/<c>rejected</c>, or 通过/退回) and <c>reason</c> (required to send it back), and
/// <c>verifiedBy</c> (person id, optional). A rejected finding goes back to its subject for another round. Out:
/// <c>verified</c> (true when accepted).
/// </summary>
internal sealed class VerifyFindingHandler(DutyWrites writes) : DutyWriteHandler(writes)
{
    public override string Type => "duty.verifyFinding";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var finding = await SaveRectificationHandler.FindingOf(input, db, cancellationToken);
        var errors = new List<FormFieldError>();
        var verdict = VerdictRules.Read(input.Value, errors);
        Refuse.IfAny(input, errors);
        var round = await db.RectificationRounds.CountAsync(r => r.FindingId == finding.Id, cancellationToken);
        db.Verifications.Add(DutyWrites.New(new Verification
        {
            FindingId = finding.Id,
            Round = round,
            Verdict = verdict!.Value,
            Reason = input.OptionalText("reason"),
            By = input.OptionalText("verifiedBy"),
        }, input.Context, now));
        var accepted = verdict == Verdict.Accepted;
        finding.State = accepted ? FindingState.Verified : FindingState.Rejected;
        finding.VerifiedAt = accepted ? now : null;
        finding.UpdatedAt = now;
        return DutyWrites.Vars(("verified", accepted));
    }
}

/// <summary>A verdict as a form submits it: accepted or rejected, and a reason to send a finding back.</summary>
internal static class VerdictRules
{
    public static Verdict? Read(Func<string, JsonNode?> value, List<FormFieldError> errors)
    {
        var text = HandlerInput.Text(value("verdict"));
        Verdict? verdict = text switch
        {
            "accepted" or "Accepted" or "通过" => Verdict.Accepted,
            "rejected" or "Rejected" or "退回" => Verdict.Rejected,
            _ => null,
        };
        if (verdict is null)
        {
            errors.Add(Lists.DutyErrors.At("verdict", Lists.DutyErrors.Choice, "请选择“通过”或“退回”。", $"'{text}' is not a verdict: accepted or rejected."));
        }
        else if (verdict == Verdict.Rejected && string.IsNullOrWhiteSpace(HandlerInput.Text(value("reason"))))
        {
            errors.Add(Lists.DutyErrors.At("reason", Lists.DutyErrors.ReasonRequired, "退回整改时请说明理由。", "Say why the finding is sent back."));
        }

        return verdict;
    }
}
