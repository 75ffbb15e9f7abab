using System.Collections.Frozen;
using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Host.TestRuns;

/// <summary>
/// What the designer shows of a test-run: the simulated day (and whether it is a working day), where the tokens stand
/// and how often each element ran, the open tasks with their forms, the timers, the mails that would have gone out and
/// what happened when.
/// </summary>
internal static class TestRunView
{
    // What a designer follows on the timeline; element entered/left and flows taken show on the diagram instead.
    private static readonly FrozenSet<HistoryEventType> Timeline = new HashSet<HistoryEventType>
    {
        HistoryEventType.InstanceStarted, HistoryEventType.InstanceCompleted, HistoryEventType.InstanceCancelled,
        HistoryEventType.TaskCreated, HistoryEventType.TaskCompleted, HistoryEventType.TaskAssigned, HistoryEventType.TaskCancelled,
        HistoryEventType.TimerFired, HistoryEventType.MessageCorrelated, HistoryEventType.SignalReceived, HistoryEventType.ErrorCaught,
        HistoryEventType.EscalationCaught, HistoryEventType.IncidentCreated, HistoryEventType.JobFailed,
    }.ToFrozenSet();

    public static async Task<object> ReadAsync(TestRun run, CancellationToken cancellationToken)
    {
        var queries = run.Engine.Queries;
        var now = run.Clock.GetUtcNow();
        var instances = new List<object>();
        var tasks = new List<object>();
        var timers = new List<(string DefinitionKey, TimerRecord Timer)>();
        var events = new List<(DateTimeOffset At, object Event)>();
        foreach (var record in await queries.ListInstancesAsync(new InstanceFilter(), cancellationToken))
        {
            var snapshot = (await queries.GetInstanceAsync(record.Id, cancellationToken))!;
            var history = await queries.GetHistoryAsync(record.Id, cancellationToken);
            instances.Add(new
            {
                record.Id, record.DefinitionKey, record.BusinessKey, Status = record.Status.ToString(), record.StartedAt, record.EndedAt,
                Tokens = snapshot.Tokens.Select(t => new { t.ElementId, Status = t.Status.ToString() }),
                Ran = history.Where(h => h.Type == HistoryEventType.ElementLeft && h.ElementId is not null)
                    .GroupBy(h => h.ElementId!).ToDictionary(g => g.Key, g => g.Count()),
                Incidents = snapshot.Incidents.Select(i => new { i.Id, i.ElementId, i.Code, i.Message }),
                Api.InstanceView.From(snapshot).Variables,
            });
            foreach (var task in snapshot.OpenTasks)
            {
                var form = await run.Engine.GetTaskFormAsync(task.Id, cancellationToken);
                tasks.Add(new
                {
                    task.Id, task.InstanceId, record.DefinitionKey, task.ElementId, task.Name, task.Description, task.Assignee, task.CandidateUsers,
                    task.CandidateGroups, task.DueAt, Overdue = task.DueAt <= now, task.CreatedAt, task.Revision,
                    Form = form is null ? null : JsonNode.Parse(form.Definition.Json),
                });
            }

            timers.AddRange(snapshot.Timers.Select(t => (record.DefinitionKey, t)));
            events.AddRange(history.Where(h => Timeline.Contains(h.Type)).Select(h => (h.At, (object)new
            {
                h.At, h.InstanceId, record.DefinitionKey, Type = h.Type.ToString(), h.ElementId, h.Details, Workday = IsWorkday(run.Calendar, h.At),
            })));
        }

        var failed = (await queries.ListOutboxAsync(500, cancellationToken)).Where(o => o.Status == OutboxStatus.Failed);
        var next = (await queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 1, cancellationToken)).FirstOrDefault();
        return new
        {
            run.Id,
            run.DefinitionKey,
            Now = now,
            Zone = run.Calendar.Zone.Id,
            Workday = IsWorkday(run.Calendar, now),
            NextTimer = next is null ? null : new { next.ElementId, next.DueAt, next.InstanceId },
            Instances = instances,
            Tasks = tasks,
            Timers = timers.OrderBy(t => t.Timer.DueAt).Select(t => new { t.DefinitionKey, t.Timer.ElementId, t.Timer.DueAt, t.Timer.InstanceId }),
            Mails = run.Mail.Mails.Select(m => new
            {
                m.OutboxId, m.At, m.ToAddress, m.ToName, m.Subject, m.Html, m.Text, m.CalendarMethod, Workday = IsWorkday(run.Calendar, m.At),
            }),
            FailedMails = failed.Select(o => new { o.Id, o.CreatedAt, o.Kind, o.LastError, o.InstanceId, o.TaskId }),
            Events = events.OrderBy(e => e.At).Select(e => e.Event),
        };
    }

    /// <summary>Whether the day of <paramref name="instant"/> is a working day; null when the calendar has no data for its year.</summary>
    private static bool? IsWorkday(IBusinessCalendar calendar, DateTimeOffset instant)
    {
        try
        {
            return calendar.IsWorkingDay(Instant.FromDateTimeOffset(instant).InZone(calendar.Zone).Date);
        }
        catch (BusinessCalendarException)
        {
            return null;
        }
    }
}
