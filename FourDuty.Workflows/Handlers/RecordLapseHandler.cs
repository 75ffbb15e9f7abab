using System.Globalization;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Runtime;
using FourDuty.Engine.Runtime.State;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.recordLapse</c>: records a missed deadline for good (Art. 26), from <c>subjectId</c>, <c>taskName</c>,
/// <c>dueAt</c> and <c>sourceInstanceId</c> (the instance of the missed task), and optionally <c>sourceElementId</c>,
/// <c>taskId</c>, <c>article</c> and <c>person</c> (default: the subject's owner). One missed deadline is one lapse,
/// however many times it is reported. When the missed task is already done, the lapse says when (it stays). Out:
/// <c>lapseId</c>, <c>lapsesThisYear</c> (the subject's lapses in the deadline's year, this one included).
/// </summary>
internal sealed class RecordLapseHandler(DutyWrites writes, PeopleResolver people, ProcessEngine engine, EngineOptions options) : DutyWriteHandler(writes)
{
    public override string Type => "duty.recordLapse";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var subjectId = input.SubjectId();
        var around = people.Around(subjectId) ?? throw input.Wrong("subjectId", "the id of a subject in the organisation file", JsonValue.Create(subjectId));
        var what = input.RequiredText("taskName", "what was missed (the task's name)");
        var dueText = input.RequiredText("dueAt", "the deadline that was missed (ISO 8601)");
        var dueAt = DateTimeOffset.TryParse(dueText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw input.Wrong("dueAt", "an ISO 8601 date-time", JsonValue.Create(dueText));
        var missedInstance = input.OptionalGuid("sourceInstanceId");
        var lapse = await db.Lapses.FirstOrDefaultAsync(l => l.SubjectId == subjectId && l.MissedInstanceId == missedInstance && l.What == what && l.DueAt == dueAt,
            cancellationToken);
        if (lapse is null)
        {
            lapse = DutyWrites.New(new Lapse
            {
                SubjectId = subjectId,
                PersonId = input.OptionalText("person") ?? around.Owner,
                Year = TimeZoneInfo.ConvertTime(dueAt, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).Year,
                What = what,
                DueAt = dueAt,
                Article = input.OptionalText("article"),
                MissedInstanceId = missedInstance,
                MissedElementId = input.OptionalText("sourceElementId"),
                MissedTaskId = input.OptionalGuid("taskId"),
            }, input.Context, now);
            lapse.DoneLaterAt = await DoneAtAsync(lapse, cancellationToken);
            db.Lapses.Add(lapse);
        }

        var count = await db.Lapses.CountAsync(l => l.SubjectId == subjectId && l.Year == lapse.Year && l.Id != lapse.Id, cancellationToken) + 1;
        return DutyWrites.Vars(("lapseId", lapse.Id.ToString()), ("lapsesThisYear", count));
    }

    // The missed task may have been completed between its deadline and this job.
    private async Task<DateTimeOffset?> DoneAtAsync(Lapse lapse, CancellationToken cancellationToken)
    {
        UserTaskRecord? task = null;
        if (lapse.MissedTaskId is { } taskId)
        {
            task = await engine.Queries.GetTaskAsync(taskId, cancellationToken);
        }
        else if (lapse.MissedInstanceId is { } instance && lapse.MissedElementId is { } element)
        {
            task = (await engine.Queries.ListTasksAsync(new(InstanceId: instance, Status: UserTaskStatus.Completed), cancellationToken))
                .LastOrDefault(t => t.ElementId == element && t.DueAt == lapse.DueAt && LateCompletion.IsOf(lapse, t.Id, t.Assignee, t.CompletedBy));
        }

        return task is { Status: UserTaskStatus.Completed } ? task.EndedAt : null;
    }
}
