using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// <c>camunda:type="mail"</c> on a send (or service) task: reminders, due-soon, overdue and escalation notices about a
/// user task of the same instance (typically after a boundary timer on it), and notices about a lapse or a talk.
/// Properties: <c>aboutTask</c> (the user task's element id), or <c>aboutLapse</c> / <c>aboutTalk</c> (the record's id,
/// usually <c>${lapseId}</c> / <c>${talkId}</c>); <c>template</c> (default <c>task-reminder</c>, <c>lapse-notice</c>,
/// <c>talk-report</c>); <c>to</c> (default <c>assignee</c>: whoever the task's own mails go to, its assignee, else
/// everyone it is offered to; also <c>candidates</c>, and every name <see cref="PeopleResolver"/> knows: person ids,
/// <c>role:X</c>, <c>group:X</c>, <c>subject:supervisingLeader</c>, <c>${variable}</c>). The mails go through the outbox keyed by the job, so a handler that runs twice sends once; with
/// the task already done there is nothing to remind of. The mail cites the send task's <c>article</c> (or its
/// documentation's), else the article the task's documentation cites.
/// </summary>
internal sealed class MailSendTaskHandler(ProcessEngine engine, PeopleResolver people, TaskMailListener mails) : IServiceTaskHandler
{
    public string Type => "mail";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var input = new HandlerInput(context);
        var article = PolicyArticle.Of(context.Properties.GetValueOrDefault("article"), context.Documentation);
        var lapse = input.Property("aboutLapse");
        var talk = input.Property("aboutTalk");
        if (lapse is not null || talk is not null)
        {
            var template = context.Properties.GetValueOrDefault("template") ?? (lapse is not null ? "lapse-notice" : "talk-report");
            var notice = people.Resolve(context.Properties.GetValueOrDefault("to"), input.Variable)
                .Select(person => new OutboxEntry(NoticeMail.Kind, $"job:{context.JobId}:{person}",
                    JsonSerializer.Serialize(new NoticeMail(template, person, Guid.TryParse(lapse, out var l) ? l : null, Guid.TryParse(talk, out var t) ? t : null, article),
                        JsonSerializerOptions.Web), context.InstanceId))
                .ToList();
            await engine.EnqueueOutboxAsync(notice, cancellationToken);
            return ServiceTaskResult.Empty;
        }

        var about = context.Properties.GetValueOrDefault("aboutTask")
            ?? throw new InvalidOperationException($"The mail task '{context.ElementId}' names neither aboutTask (the user task it is about) nor aboutLapse nor aboutTalk.");
        var tasks = (await engine.Queries.ListTasksAsync(new(InstanceId: context.InstanceId), cancellationToken))
            .Where(t => t.ElementId == about && t.Status == UserTaskStatus.Open).ToList();
        if (await NearestAsync(tasks, context, cancellationToken) is not { } task)
        {
            return ServiceTaskResult.Empty;
        }

        // A reminder serves the article its task serves, unless the send task names its own.
        article ??= PolicyArticle.Of(null, task.Description);
        var entries = Recipients(context.Properties.GetValueOrDefault("to") ?? "assignee", task, input.Variable)
            .Select(person => (Person: person, Link: TaskMailOutboxHandler.MayAct(task, person)))
            .Select(to => new OutboxEntry(TaskMailListener.MailKind, $"job:{context.JobId}:{to.Person}",
                JsonSerializer.Serialize(new TaskMail(context.Properties.GetValueOrDefault("template") ?? "task-reminder", task.Id, to.Person, article, Link: to.Link),
                    JsonSerializerOptions.Web), context.InstanceId, task.Id, to.Link ? to.Person : null))
            .ToList();
        await engine.EnqueueOutboxAsync(entries, cancellationToken);
        return ServiceTaskResult.Empty;
    }

    // "assignee" is whoever the task's own mails go to (TaskMailListener's rule: its assignee, else everyone it is offered
    // to, group members included); "candidates" everyone it is offered to even when someone holds it; any other name as
    // PeopleResolver reads it.
    private IReadOnlyList<string> Recipients(string to, UserTaskRecord task, Func<string, JsonNode?> variable)
    {
        var names = TaskCandidates.Split(to).ToList();
        var holders = names.Contains("assignee") ? mails.Recipients(task) : [];
        var others = people.Resolve(names.Where(n => n != "assignee").SelectMany(n => n == "candidates" ? TaskMailListener.Candidates(task) : [n]), variable);
        return [.. holders.Concat(others).Distinct(StringComparer.Ordinal)];
    }

    // In a multi-instance body each subject has its own open task of that element: the reminder is about the one in the
    // mail task's own scope (the body instance both hang in), else the nearest enclosing one.
    private async Task<UserTaskRecord?> NearestAsync(List<UserTaskRecord> tasks, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (tasks.Count <= 1 || await engine.Queries.GetInstanceAsync(context.InstanceId, cancellationToken) is not { } snapshot)
        {
            return tasks.FirstOrDefault();
        }

        var scopeOfToken = snapshot.Tokens.ToDictionary(t => t.Id, t => t.ScopeId);
        var parentOf = snapshot.Scopes.ToDictionary(s => s.Id, s => s.ParentScopeId);
        for (Guid? scope = context.ScopeId; scope is { } id; scope = parentOf.GetValueOrDefault(id))
        {
            if (tasks.FirstOrDefault(t => scopeOfToken.GetValueOrDefault(t.TokenId) == id) is { } task)
            {
                return task;
            }
        }

        return tasks[0];
    }
}
