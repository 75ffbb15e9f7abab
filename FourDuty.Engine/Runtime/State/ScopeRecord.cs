namespace FourDuty.Engine.Runtime.State;

/// <summary>
/// A running scope: the process itself, a subprocess, an event subprocess, a multi-instance body or one of
/// its instances, or an activity with local variables. Variables live in scopes; cancelling a scope
/// cancels everything inside it.
/// </summary>
public sealed class ScopeRecord
{
    /// <summary>The scope instance id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The enclosing scope; null for the process scope.</summary>
    public Guid? ParentScopeId { get; set; }

    /// <summary>The element the scope belongs to (process id, subprocess id, activity id).</summary>
    public string ElementId { get; set; } = "";

    /// <summary>What kind of scope this is.</summary>
    public ScopeKind Kind { get; set; }

    /// <summary>The token in the enclosing scope that waits while this scope runs; null for the process scope.</summary>
    public Guid? OwnerTokenId { get; set; }
}

/// <summary>The kinds of scope instance.</summary>
public enum ScopeKind
{
    /// <summary>The whole process instance.</summary>
    Process,

    /// <summary>An embedded subprocess.</summary>
    SubProcess,

    /// <summary>A triggered event subprocess.</summary>
    EventSubProcess,

    /// <summary>The body of a multi-instance activity, holding nrOfInstances and friends.</summary>
    MultiInstanceBody,

    /// <summary>One instance of a multi-instance activity, holding loopCounter and the element variable.</summary>
    MultiInstanceItem,

    /// <summary>An activity with input parameters, which become its local variables.</summary>
    Activity,
}
