using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// Refuses a task completion whose project list, claims or lists break the domain's rules, before anything is stored (422
/// naming the field, as a form's own errors are): a claim on an item not on the year's project list, a date outside the
/// year, an unknown owner or area, an item of another subject's list, evidence that does not exist. And who submits a
/// subject's lists must be its owner or hold its task: the discipline secretary comments, urges and verifies, but changes
/// no other subject's records (Art. 8). The year is <c>year</c>; the subject <c>subjectId</c>/<c>subject</c>, or the
/// subject and year of the <c>finding</c> in a rectification.
/// </summary>
internal sealed class ListCompletionCheck(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory) : ITaskCompletionCheck
{
    public async Task<IReadOnlyList<FormFieldError>> CheckAsync(TaskCompletion completion, CancellationToken cancellationToken)
    {
        var keys = completion.Submitted.Keys;
        var lists = ListSubmission.IsIn(keys);
        if (!lists && !keys.Contains("projectItems"))
        {
            return [];
        }

        var errors = new List<FormFieldError>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (subjectId, year) = await ScopeAsync(completion, db, cancellationToken);
        if (keys.Contains("projectItems") && year is { } projectYear)
        {
            ProjectListRules.Read(completion.Value("projectItems"), projectYear, directory.Current, errors);
        }

        if (lists && subjectId is not null && year is not null)
        {
            var submission = ListSubmission.Read(name => completion.Submitted.GetValueOrDefault(name), errors);
            errors.AddRange(await submission.CheckAsync(db, directory.Current, subjectId, year.Value, cancellationToken));
            errors.AddRange(RecordAccess.Check(completion, directory.Current, subjectId, keys.First(k => k == "claims" || ListSubmission.Names.Values.Contains(k))));
        }

        return errors;
    }

    private static async Task<(string? Subject, int? Year)> ScopeAsync(TaskCompletion completion, DutyDbContext db, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(PeopleResolver.IdOf(completion.Value("finding")), out var findingId))
        {
            var scope = await (from finding in db.Findings.AsNoTracking()
                               join feedback in db.Feedback.AsNoTracking() on finding.FeedbackId equals feedback.Id
                               where finding.Id == findingId
                               select new { finding.SubjectId, feedback.Year }).FirstOrDefaultAsync(cancellationToken);
            if (scope is not null)
            {
                return (scope.SubjectId, scope.Year);
            }
        }

        return (PeopleResolver.SubjectIdOf(completion.Value), HandlerInput.YearOf(completion.Value("year")));
    }
}

/// <summary>Who may change a subject's records through a task: its owner, or whoever holds (or delegated) the task; never the discipline secretary for another subject.</summary>
internal static class RecordAccess
{
    public static IEnumerable<FormFieldError> Check(TaskCompletion completion, OrgChart org, string subjectId, string key)
    {
        if (completion.UserId is not { } user || org.FindSubject(subjectId) is not { } subject || user == subject.OwnerId)
        {
            yield break;
        }

        var discipline = org.DisciplineSecretary?.Id == user;
        if (discipline || (user != completion.Task.Assignee && user != completion.Task.Owner))
        {
            yield return DutyErrors.At(key, DutyErrors.NotYourRecord,
                discipline ? $"纪委书记可以提出意见、督促和核查，但不能修改“{subject.Name}”的记录。" : $"只有“{subject.Name}”的责任人或任务承办人可以修改其记录。",
                $"'{user}' cannot change the records of {subject.Id}: only its owner or the task's holder can (the discipline secretary comments, urges and verifies).");
        }
    }
}
