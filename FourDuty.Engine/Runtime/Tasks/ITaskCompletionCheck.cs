using System.Text.Json.Nodes;
using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// A rule a task completion must keep that a form cannot express (a reference to a record that must exist, a date
/// that must fall in a period, who may sign): run inside the completion step, after the form's own check and before
/// anything is stored. What it returns is refused exactly as a form's field errors are: 422 through the API with one
/// entry per field, and the task page shown again with the messages; nothing of the submission is kept.
/// </summary>
/// <remarks>
/// Register implementations as singletons; every check sees every completion and answers for the fields it knows.
/// A check may read (a layer's own tables, say) but must not write: the step has not committed, and may be retried.
/// </remarks>
public interface ITaskCompletionCheck
{
    /// <summary>The field errors of <paramref name="completion"/>; empty when it may go ahead.</summary>
    /// <param name="completion">The task, who completes it, and what was submitted.</param>
    /// <param name="cancellationToken">Stops the step.</param>
    Task<IReadOnlyList<FormFieldError>> CheckAsync(TaskCompletion completion, CancellationToken cancellationToken);
}

/// <summary>A completion under way, as a <see cref="ITaskCompletionCheck"/> sees it.</summary>
public sealed class TaskCompletion
{
    /// <summary>The open task.</summary>
    public required UserTaskRecord Task { get; init; }

    /// <summary>The user task element (documentation, properties).</summary>
    public required FlowNode Element { get; init; }

    /// <summary>The instance.</summary>
    public required InstanceRecord Instance { get; init; }

    /// <summary>Who completes it: the signed-in user, the person a task link was sent to, or null when the caller named nobody.</summary>
    public string? UserId { get; init; }

    /// <summary>What was submitted, after the form's check (values coerced to the form's types).</summary>
    public required IReadOnlyDictionary<string, JsonNode?> Submitted { get; init; }

    /// <summary>A variable visible at the task before the submission applies; null when there is none.</summary>
    public required Func<string, JsonNode?> Variable { get; init; }

    /// <summary>The step's instant.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The submitted value of <paramref name="name"/>, else the variable of that name visible at the task.</summary>
    public JsonNode? Value(string name) => Submitted.TryGetValue(name, out var value) ? value : Variable(name);
}
