using FourDuty.Engine.Expressions;

namespace FourDuty.Engine.Bpmn;

/// <summary>Work in a process: a task, subprocess or call activity.</summary>
public abstract class Activity : FlowNode
{
    internal List<BoundaryEvent> Boundaries { get; } = [];

    /// <summary>Multi-instance characteristics, if the activity runs once per item or a number of times.</summary>
    public MultiInstanceCharacteristics? MultiInstance { get; internal set; }

    /// <summary>The boundary events attached to the activity.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEvents => Boundaries;
}

/// <summary>A <c>task</c> with no type: passes the token on at once, as Camunda does.</summary>
public sealed class AbstractTask : Activity;

/// <summary>A <c>manualTask</c>: done outside the system; passes the token on at once.</summary>
public sealed class ManualTask : Activity;

/// <summary>A <c>userTask</c>: waits until a person completes it.</summary>
public sealed class UserTask : Activity
{
    /// <summary><c>camunda:assignee</c>: the person who does the task.</summary>
    public Expression? Assignee { get; init; }

    /// <summary><c>camunda:candidateUsers</c>: comma-separated people who may claim it.</summary>
    public Expression? CandidateUsers { get; init; }

    /// <summary><c>camunda:candidateGroups</c>: comma-separated groups whose members may claim it.</summary>
    public Expression? CandidateGroups { get; init; }

    /// <summary><c>camunda:dueDate</c>: when it must be done (a date, or an expression giving one).</summary>
    public Expression? DueDate { get; init; }

    /// <summary><c>camunda:followUpDate</c>: when to look at it again.</summary>
    public Expression? FollowUpDate { get; init; }

    /// <summary><c>camunda:formKey</c>: the form to fill in.</summary>
    public string? FormKey { get; init; }

    /// <summary><c>camunda:priority</c>.</summary>
    public Expression? Priority { get; init; }
}

/// <summary>A <c>serviceTask</c>: runs the handler registered for <see cref="Type"/>.</summary>
public class ServiceTask : Activity
{
    /// <summary><c>camunda:type</c>, or <c>camunda:topic</c> for external tasks: the handler key.</summary>
    public string? Type { get; init; }

    /// <summary>True when the type came from <c>camunda:topic</c> (<c>camunda:type="external"</c>).</summary>
    public bool IsExternal { get; init; }

    /// <summary><c>camunda:resultVariable</c>: where the handler's result goes.</summary>
    public string? ResultVariable { get; init; }
}

/// <summary>A <c>sendTask</c>: runs its handler (for example mail) like a service task.</summary>
public sealed class SendTask : ServiceTask
{
    /// <summary>The message it sends, if it names one.</summary>
    public BpmnMessage? Message { get; init; }
}

/// <summary>A <c>receiveTask</c>: waits for a message (or, without one, for an explicit trigger).</summary>
public sealed class ReceiveTask : Activity
{
    /// <summary>The message it waits for; null means only an API call resumes it.</summary>
    public BpmnMessage? Message { get; init; }
}

/// <summary>A <c>scriptTask</c> in JavaScript, run in the expression sandbox.</summary>
public sealed class ScriptTask : Activity
{
    /// <summary>The script body.</summary>
    public required string Script { get; init; }

    /// <summary><c>camunda:resultVariable</c>: where the script's value goes.</summary>
    public string? ResultVariable { get; init; }
}

/// <summary>An embedded <c>subProcess</c>, or an event subprocess when <see cref="IsEventSubProcess"/>.</summary>
public sealed class SubProcess : Activity, IFlowScope, IScopeContents
{
    internal List<FlowNode> Nodes { get; } = [];

    internal List<SequenceFlow> Flows { get; } = [];

    internal List<SubProcess> EventScopes { get; } = [];

    List<FlowNode> IScopeContents.Nodes => Nodes;

    List<SequenceFlow> IScopeContents.Flows => Flows;

    List<SubProcess> IScopeContents.EventScopes => EventScopes;

    /// <summary><c>triggeredByEvent</c>: started by its start event's trigger, not by a sequence flow.</summary>
    public bool IsEventSubProcess { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<FlowNode> FlowNodes => Nodes;

    /// <inheritdoc />
    public IReadOnlyList<SequenceFlow> SequenceFlows => Flows;

    /// <inheritdoc />
    public IReadOnlyList<SubProcess> EventSubProcesses => EventScopes;

    /// <inheritdoc />
    public IFlowScope? ParentScope => Scope;

    /// <summary>The start events directly inside.</summary>
    public IEnumerable<StartEvent> StartEvents => Nodes.OfType<StartEvent>();
}

/// <summary>A <c>callActivity</c>: starts another deployed process and waits for it to end.</summary>
public sealed class CallActivity : Activity
{
    /// <summary><c>calledElement</c>: the key of the process to call (may be an expression).</summary>
    public Expression? CalledElement { get; init; }

    /// <summary><c>camunda:calledElementBinding</c>: which version is called.</summary>
    public CalledVersionBinding Binding { get; init; } = CalledVersionBinding.Latest;

    /// <summary><c>camunda:calledElementVersion</c>, with <see cref="CalledVersionBinding.Version"/>.</summary>
    public int? Version { get; init; }

    /// <summary><c>camunda:calledElementVersionTag</c>, with <see cref="CalledVersionBinding.VersionTag"/>.</summary>
    public string? VersionTag { get; init; }

    /// <summary><c>camunda:in businessKey="..."</c>: the business key of the called instance.</summary>
    public Expression? BusinessKey { get; init; }

    /// <summary><c>camunda:in</c> mappings: what the called instance starts with.</summary>
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];

    /// <summary><c>camunda:out</c> mappings: what comes back when it ends.</summary>
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];
}

/// <summary>Which version of the called process a call activity starts.</summary>
public enum CalledVersionBinding
{
    /// <summary>The latest version at the time of the call.</summary>
    Latest,

    /// <summary>The version deployed together with the caller.</summary>
    Deployment,

    /// <summary>A fixed version number.</summary>
    Version,

    /// <summary>The version with a given version tag.</summary>
    VersionTag,
}

/// <summary>
/// One <c>camunda:in</c> or <c>camunda:out</c>: copies <see cref="Source"/> (or the value of
/// <see cref="SourceExpression"/>) into <see cref="Target"/>, or every variable when <see cref="AllVariables"/>.
/// </summary>
public sealed record VariableMapping(string? Source, Expression? SourceExpression, string? Target, bool AllVariables, bool Local);

/// <summary>
/// Stands in the graph for an element FourDuty does not run (already reported as an error); a model that
/// holds one is never deployed.
/// </summary>
internal sealed class UnsupportedElement : Activity
{
    public required string ElementName { get; init; }
}
