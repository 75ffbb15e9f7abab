using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Rectification;

/// <summary>
/// Refuses a feedback-rectification completion that breaks a rule before anything is stored: a feedback without findings
/// or with an unknown source, a split onto an unknown subject or finding or without deadlines, a verdict that sends a
/// finding back without a reason, evidence that does not exist, and a close-out signed by anyone but the finding's
/// first-responsible person or the discipline secretary, or by one of them for the other, or of a finding not yet verified.
/// </summary>
internal sealed class RectificationCompletionCheck(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory, PeopleResolver people)
    : ITaskCompletionCheck
{
    public async Task<IReadOnlyList<FormFieldError>> CheckAsync(TaskCompletion completion, CancellationToken cancellationToken)
    {
        var submitted = completion.Submitted;
        var errors = new List<FormFieldError>();
        if (submitted.ContainsKey("source"))
        {
            FeedbackRules.Source(HandlerInput.Text(submitted["source"]), errors);
        }

        if (submitted.ContainsKey("findings") && submitted.ContainsKey("source"))
        {
            FeedbackRules.Findings(submitted["findings"], errors);
        }

        if (submitted.ContainsKey("verdict"))
        {
            VerdictRules.Read(completion.Value, errors);
        }

        var needsDb = submitted.ContainsKey("assignments") || submitted.ContainsKey("signedBy") || submitted.ContainsKey("evidence");
        if (!needsDb)
        {
            return errors;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (submitted.ContainsKey("assignments") && Guid.TryParse(PeopleResolver.IdOf(completion.Value("feedbackId")), out var feedbackId))
        {
            var findings = await db.Findings.AsNoTracking().Where(f => f.FeedbackId == feedbackId).ToListAsync(cancellationToken);
            FindingRules.Assignments(submitted["assignments"], findings, directory.Current, errors);
        }

        var finding = Guid.TryParse(PeopleResolver.IdOf(completion.Value("finding")), out var findingId)
            ? await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, cancellationToken)
            : null;
        if (submitted.ContainsKey("signedBy") && finding is not null)
        {
            var signer = HandlerInput.Text(submitted["signedBy"]) ?? completion.UserId ?? "";
            SignOffRules.RoleOf(finding, signer, completion.UserId, people, errors);
        }

        if (submitted.ContainsKey("evidence"))
        {
            var evidence = ItemDraft.EvidenceOf(submitted["evidence"]);
            await EvidenceRules.CheckAsync(db, evidence.Select((e, i) => ($"evidence[{i}]", e)), finding?.SubjectId ?? PeopleResolver.SubjectIdOf(completion.Value),
                errors, cancellationToken);
        }

        return errors;
    }
}
