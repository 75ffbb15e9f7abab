using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.closeOut</c>: one sign-off of a verified finding's close-out (销号), from <c>finding</c> and <c>signedBy</c>,
/// who must be the finding's first-responsible person or the discipline secretary. The finding is closed when both have
/// signed. Out: <c>closed</c>.
/// </summary>
internal sealed class CloseOutHandler(DutyWrites writes, PeopleResolver people) : DutyWriteHandler(writes)
{
    public override string Type => "duty.closeOut";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var finding = await SaveRectificationHandler.FindingOf(input, db, cancellationToken);
        var signedBy = input.RequiredText("signedBy", "who signs the close-out (a person id)");
        var errors = new List<FormFieldError>();
        var role = SignOffRules.RoleOf(finding, signedBy, null, people, errors);
        Refuse.IfAny(input, errors);
        if (!await db.SignOffs.AnyAsync(s => s.FindingId == finding.Id && s.Role == role, cancellationToken))
        {
            db.SignOffs.Add(DutyWrites.New(new CloseOutSignOff { FindingId = finding.Id, Role = role!.Value, PersonId = signedBy }, input.Context, now));
        }

        var other = role == SignOffRole.FirstResponsible ? SignOffRole.DisciplineSecretary : SignOffRole.FirstResponsible;
        var closed = await db.SignOffs.AnyAsync(s => s.FindingId == finding.Id && s.Role == other, cancellationToken);
        if (closed && finding.State != FindingState.Closed)
        {
            finding.State = FindingState.Closed;
            finding.ClosedAt = now;
            finding.UpdatedAt = now;
        }

        return DutyWrites.Vars(("closed", closed));
    }
}

/// <summary>
/// Who may sign a close-out: the first-responsible person of the finding's subject, or the discipline secretary; only a
/// verified finding; and whoever completes the sign-off task signs as themselves.
/// </summary>
internal static class SignOffRules
{
    public static SignOffRole? RoleOf(Finding finding, string signedBy, string? completedBy, PeopleResolver people, List<FormFieldError> errors)
    {
        var around = finding.SubjectId is null ? null : people.Around(finding.SubjectId);
        SignOffRole? role = signedBy == around?.FirstResponsible ? SignOffRole.FirstResponsible
            : signedBy == around?.DisciplineSecretary ? SignOffRole.DisciplineSecretary
            : null;
        if (role is null)
        {
            errors.Add(DutyErrors.At("signedBy", DutyErrors.SignOffNotAllowed,
                $"销号须由第一责任人（{around?.FirstResponsible}）和纪委书记（{around?.DisciplineSecretary}）签字，“{signedBy}”不能签字。",
                $"Only the first-responsible person ({around?.FirstResponsible}) and the discipline secretary ({around?.DisciplineSecretary}) sign a close-out; '{signedBy}' cannot."));
        }
        else if (completedBy is not null && completedBy != signedBy)
        {
            errors.Add(DutyErrors.At("signedBy", DutyErrors.SignOffNotAllowed, $"只能以本人名义签字，不能代“{signedBy}”签字。",
                $"'{completedBy}' cannot sign for '{signedBy}'."));
        }

        if (finding.State is not (FindingState.Verified or FindingState.Closed))
        {
            errors.Add(DutyErrors.At("finding", DutyErrors.NotVerified, "该问题尚未经纪委书记核查通过，不能销号。",
                $"Finding {finding.Number} is {finding.State}; only a verified finding can be closed out."));
        }

        return role;
    }
}
