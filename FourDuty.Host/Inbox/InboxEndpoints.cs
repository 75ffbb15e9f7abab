using System.Security.Claims;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Time;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Inbox;

/// <summary>One open task as the inbox and the home page list it.</summary>
/// <param name="Relation"><c>mine</c> (assigned or delegated to me), <c>offered</c> (to me or my groups, nobody holds it), <c>delegated</c> (mine, handed to someone else).</param>
internal sealed record InboxTask(
    Guid Id, string Name, string? Description, string ProcessName, string? BusinessKey, Guid InstanceId, string Relation,
    string? Assignee, string? AssigneeName, string? Owner, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    string Urgency, int? WorkingDaysLeft, bool HasForm, int Revision);

/// <summary>The signed-in person's work: their tasks, those offered to them or their groups, those they delegated.</summary>
internal static class InboxEndpoints
{
    public static void MapInboxEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/inbox", ListAsync).RequireAuthorization(AccessPolicy.SignedIn)
            .WithSummary("Your open tasks, those offered to you or your groups and those you delegated: most urgent first, with the working days left (red overdue, yellow within 3 working days)");
        api.MapGet("/people", People).RequireAuthorization(AccessPolicy.SignedIn)
            .WithSummary("The organisation's people (id, name, title), to pick whom a task is delegated to");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ProcessEngine engine, TaskRules rules, PeopleDirectory people,
        IBusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(user);
        // The inbox is the person's own work even for those who oversee everything: their role lets them look, not act.
        var asPerson = caller with { Roles = new HashSet<string>(), FirstResponsible = false };
        var now = engine.Clock.GetUtcNow();
        var rows = new List<InboxTask>();
        // One read of this person's work (their tasks, those they delegated, those offered to candidates), never everybody's.
        foreach (var (task, processName, businessKey) in await engine.Queries.ListPersonalTasksAsync(caller.Id, cancellationToken))
        {
            var relation = task.Assignee == caller.Id ? "mine"
                : task.Owner == caller.Id ? "delegated"
                : task.Assignee is null && rules.MaySee(asPerson, task) ? "offered"
                : null;
            if (relation is null)
            {
                continue;
            }

            var urgency = Urgency.Of(task.DueAt, now, calendar);
            rows.Add(new InboxTask(task.Id, task.Name ?? task.ElementId, task.Description, processName, businessKey, task.InstanceId,
                relation, task.Assignee, NameOf(people, task.Assignee), task.Owner, NameOf(people, task.Owner), task.CreatedAt, task.DueAt,
                urgency.Level.ToString().ToLowerInvariant(), urgency.WorkingDaysLeft, task.FormKey is not null, task.Revision));
        }

        // What needs doing first: overdue, then due soon, then the rest; within each the earliest deadline, then the oldest.
        var ordered = rows
            .OrderBy(r => r.Relation == "delegated")
            .ThenByDescending(r => Rank(r.Urgency))
            .ThenBy(r => r.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.CreatedAt)
            .ToList();
        return Results.Ok(new { now, yellowWithinWorkingDays = Urgency.YellowWithinWorkingDays, tasks = ordered });
    }

    private static IResult People(PeopleDirectory people) =>
        Results.Ok(people.People.Select(p => new { id = p.Id, name = p.Name, title = p.Title }));

    private static int Rank(string urgency) => urgency switch { "red" => 3, "yellow" => 2, "green" => 1, _ => 0 };

    private static string? NameOf(PeopleDirectory people, string? id) => id is null ? null : people.Find(id)?.Name ?? id;
}
