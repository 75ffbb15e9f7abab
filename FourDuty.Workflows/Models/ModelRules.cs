using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Models;

/// <summary>
/// What the college's domain needs of a model that works on its records (a process with a <c>duty.*</c> or <c>mail</c>
/// task), checked at deployment so that a model the office edits cannot break it (decision 0017): every user task has an
/// owner (Art. 4: no task without a responsible subject), names of people resolve in the organisation, a <c>duty.*</c>
/// type exists, a mail task says what it is about, and each task cites the article it serves. Processes that do not use
/// the domain (the engine's own tests, a designer's sketch) are left to the engine's rules.
/// </summary>
internal sealed class ModelRules(PeopleDirectory directory, Func<IEnumerable<Engine.Runtime.Handlers.IServiceTaskHandler>> handlers) : IDeploymentRule
{
    // Asked for late: the handlers need the engine, whose services hold these rules.
    private readonly Lazy<HashSet<string>> _known = new(() => handlers().Select(h => h.Type).ToHashSet(StringComparer.Ordinal));

    public IEnumerable<BpmnProblem> Check(BpmnProcess process)
    {
        var nodes = process.AllFlowNodes.ToList();
        if (!nodes.OfType<ServiceTask>().Any(t => t.Type is { } type && (type.StartsWith("duty.", StringComparison.Ordinal) || type == "mail")))
        {
            yield break;
        }

        var userTasks = nodes.OfType<UserTask>().ToList();
        foreach (var task in userTasks)
        {
            if (task.Assignee is null && task.CandidateUsers is null && task.CandidateGroups is null && task.Lane is null)
            {
                yield return ModelProblems.NoOwner(task);
            }

            foreach (var problem in People(task, "camunda:assignee", task.Assignee).Concat(People(task, "camunda:candidateUsers", task.CandidateUsers)))
            {
                yield return problem;
            }

            if (PolicyArticle.Of(task) is null)
            {
                yield return ModelProblems.NoArticle(task);
            }
        }

        foreach (var task in nodes.OfType<ServiceTask>())
        {
            if (task.Type is { } type && type.StartsWith("duty.", StringComparison.Ordinal) && !_known.Value.Contains(type))
            {
                yield return ModelProblems.UnknownType(task, type, _known.Value.Where(t => t.StartsWith("duty.", StringComparison.Ordinal)).Order());
            }

            if (task.Type == "mail")
            {
                foreach (var problem in Mail(task, userTasks))
                {
                    yield return problem;
                }
            }
        }
    }

    private IEnumerable<BpmnProblem> Mail(ServiceTask task, List<UserTask> userTasks)
    {
        var about = task.Properties.GetValueOrDefault("aboutTask");
        if (about is null && !task.Properties.ContainsKey("aboutLapse") && !task.Properties.ContainsKey("aboutTalk"))
        {
            yield return ModelProblems.MailAboutNothing(task);
        }
        else if (about is not null && userTasks.All(t => t.Id != about))
        {
            yield return ModelProblems.MailAboutUnknownTask(task, about);
        }

        if (task.Properties.GetValueOrDefault("to") is { } to)
        {
            foreach (var problem in People(task, "to", Expression.Literal(to), "assignee", "candidates"))
            {
                yield return problem;
            }
        }
    }

    // Literal names only: what an expression or a subject relation names is known when the task runs.
    private IEnumerable<BpmnProblem> People(FlowNode node, string attribute, Expression? names, params string[] keywords)
    {
        if (names is not { IsLiteral: true })
        {
            yield break;
        }

        foreach (var name in Engine.Runtime.Tasks.TaskCandidates.Split(names.Source))
        {
            if (keywords.Contains(name) || name.StartsWith("subject:", StringComparison.Ordinal) || name.StartsWith("${", StringComparison.Ordinal))
            {
                continue;
            }

            var known = name.Split(':', 2) switch
            {
                ["role", var role] => directory.WithRole(role).Any(),
                ["group", var group] => directory.InGroup(group).Any(),
                ["area", var area] => directory.Current.Areas.Any(a => a.Name == area),
                [var person] => directory.Find(person) is not null,
                _ => false,
            };
            if (!known)
            {
                yield return ModelProblems.UnknownPerson(node, attribute, name);
            }
        }
    }
}
