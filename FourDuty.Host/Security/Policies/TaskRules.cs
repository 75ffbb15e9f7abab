using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Security.Policies;

/// <summary>What a person may do with a user task, beyond the endpoint's policy.</summary>
/// <remarks>
/// A leader sees the tasks assigned or delegated to them, those they delegated away, and those offered to them or to
/// their groups; they complete their own (or an unassigned one offered to them), claim what is offered, and hand on
/// their own. The office sees every task and reassigns; the discipline secretary and the first-responsible persons
/// see every task but act only on their own.
/// </remarks>
internal sealed class TaskRules(PeopleDirectory people)
{
    public bool MaySee(Caller caller, UserTaskRecord task) =>
        caller.Oversees || task.Assignee == caller.Id || task.Owner == caller.Id || IsCandidate(caller, task);

    /// <summary>Null when the caller may do <paramref name="action"/>; otherwise why not, in Chinese and English.</summary>
    public string? WhyNot(Caller caller, UserTaskRecord task, TaskAction action)
    {
        var office = caller.Has(AccessRole.Office);
        var mine = task.Assignee == caller.Id;
        var allowed = action switch
        {
            TaskAction.Complete => mine || (task.Assignee is null && IsCandidate(caller, task)),
            TaskAction.Claim => IsCandidate(caller, task) || office,
            TaskAction.Unclaim or TaskAction.Delegate => mine || office,
            TaskAction.Assign => office,
            _ => false,
        };
        return allowed
            ? null
            : action switch
            {
                TaskAction.Complete => $"只有任务的办理人才能办理此任务 / only the task's assignee (or, while unassigned, a candidate) may complete it; it is assigned to {task.Assignee ?? "nobody"}.",
                TaskAction.Claim => "只有候选人可以认领此任务 / only a candidate of the task may claim it.",
                TaskAction.Assign => "只有党委办公室可以转交他人的任务 / only the office (role office) reassigns tasks.",
                _ => "只有任务的办理人或党委办公室可以这样做 / only the task's assignee or the office may do this.",
            };
    }

    private bool IsCandidate(Caller caller, UserTaskRecord task) =>
        TaskCandidates.Contains(task.CandidateUsers, caller.Id)
        || TaskCandidates.Split(task.CandidateGroups).Any(group => people.InGroup(group).Any(p => p.Id == caller.Id));
}

/// <summary>What is done to a task through the API.</summary>
internal enum TaskAction
{
    Complete,
    Claim,
    Unclaim,
    Delegate,
    Assign,
}
