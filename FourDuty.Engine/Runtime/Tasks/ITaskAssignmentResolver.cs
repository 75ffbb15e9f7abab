using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// Turns the assignment a model states (assignee, candidates, lane) into people: the place where a domain maps
/// a role such as "the discipline secretary of this unit" to a person. Runs inside the step; no I/O.
/// </summary>
public interface ITaskAssignmentResolver
{
    /// <summary>The final assignment of a new task.</summary>
    TaskAssignment Resolve(TaskAssignmentRequest request);
}

/// <summary>Who does a task, or may claim it.</summary>
/// <param name="Assignee">The person who does it.</param>
/// <param name="CandidateUsers">People who may claim it.</param>
/// <param name="CandidateGroups">Groups whose members may claim it.</param>
public sealed record TaskAssignment(string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups);

/// <summary>What a resolver sees.</summary>
/// <param name="Proposed">The assignment the model states, expressions evaluated, lane applied.</param>
/// <param name="Element">The user task element.</param>
/// <param name="Instance">The instance (its business key names the subject, typically).</param>
/// <param name="Variable">Reads a variable visible at the task.</param>
public sealed record TaskAssignmentRequest(TaskAssignment Proposed, UserTask Element, InstanceRecord Instance, Func<string, System.Text.Json.Nodes.JsonNode?> Variable);
