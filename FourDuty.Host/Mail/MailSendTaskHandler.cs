using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Mail;

/// <summary>
/// <c>camunda:type="mail"</c> on a send (or service) task: reminders, overdue notices and escalations, typically
/// after a boundary timer on the user task they are about. Properties: <c>template</c> (default
/// <c>task-reminder</c>), <c>aboutTask</c> (the user task's element id, required), <c>to</c> (default
/// <c>assignee</c>; also <c>candidates</c>, person ids, <c>role:X</c>, <c>group:X</c>, or <c>${variable}</c>
/// holding person ids). The mails go through the outbox, keyed by the job, so a handler that runs twice
/// sends once; with the task already done there is nothing to remind of. The mail cites the send task's
/// <c>article</c> (or its documentation's), else the article the task's documentation cites.
/// </summary>
internal sealed class MailSendTaskHandler(ProcessEngine engine, PeopleDirectory directory) : IServiceTaskHandler
{
    public string Type => "mail";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var about = context.Properties.GetValueOrDefault("aboutTask")
            ?? throw new InvalidOperationException($"The mail task '{context.ElementId}' has no aboutTask property naming the user task it is about.");
        var tasks = await engine.Queries.ListTasksAsync(new(InstanceId: context.InstanceId), cancellationToken);
        if (tasks.FirstOrDefault(t => t.ElementId == about) is not { } task)
        {
            return ServiceTaskResult.Empty;
        }

        var template = context.Properties.GetValueOrDefault("template") ?? "task-reminder";
        // A reminder serves the article its task serves, unless the send task names its own.
        var article = PolicyArticle.Of(context.Properties.GetValueOrDefault("article"), context.Documentation) ?? PolicyArticle.Of(null, task.Description);
        var entries = Recipients(context.Properties.GetValueOrDefault("to") ?? "assignee", task, context.Variables)
            .Select(person => new OutboxEntry(TaskMailListener.MailKind, $"job:{context.JobId}:{person}",
                JsonSerializer.Serialize(new TaskMail(template, task.Id, person, article), JsonSerializerOptions.Web), context.InstanceId, task.Id))
            .ToList();
        await engine.EnqueueOutboxAsync(entries, cancellationToken);
        return ServiceTaskResult.Empty;
    }

    private IEnumerable<string> Recipients(string to, FourDuty.Engine.Runtime.State.UserTaskRecord task, IReadOnlyDictionary<string, JsonNode?> variables) =>
        TaskCandidates.Split(to).SelectMany(name => name switch
        {
            "assignee" => task.Assignee is { } assignee ? [assignee] : TaskCandidates.Split(task.CandidateUsers),
            "candidates" => TaskCandidates.Split(task.CandidateUsers).Concat(TaskCandidates.Split(task.CandidateGroups).SelectMany(g => directory.InGroup(g).Select(p => p.Id))),
            _ when name.StartsWith("role:", StringComparison.Ordinal) => directory.WithRole(name[5..]).Select(p => p.Id),
            _ when name.StartsWith("group:", StringComparison.Ordinal) => directory.InGroup(name[6..]).Select(p => p.Id),
            _ when name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}') => Variable(variables, name[2..^1].Trim()),
            _ => [name],
        }).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Variable(IReadOnlyDictionary<string, JsonNode?> variables, string name) =>
        variables.GetValueOrDefault(name) switch
        {
            JsonArray list => list.Select(item => item?.ToString() ?? "").Where(item => item.Length > 0),
            JsonValue value => TaskCandidates.Split(value.ToString()),
            _ => [],
        };
}
