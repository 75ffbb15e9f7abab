namespace FourDuty.Engine.Runtime;

/// <summary>A request the engine refuses, with a stable code and a message that says why and what to do.</summary>
public sealed class EngineException(EngineError error, string message) : Exception(message)
{
    /// <summary>What went wrong, by kind and code.</summary>
    public EngineError Error { get; } = error;

    /// <summary>Structured details for the caller, such as the field errors of a form submission.</summary>
    public object? Details { get; init; }
}

/// <summary>The kinds of refusal, which the HTTP API maps to 404, 409 and 422.</summary>
public enum EngineErrorKind
{
    /// <summary>Something the request names does not exist.</summary>
    NotFound,

    /// <summary>The request came too late or is ambiguous: the task is no longer open, two instances wait for the message.</summary>
    Conflict,

    /// <summary>The request itself is wrong: an invalid value or an invalid model.</summary>
    Invalid,
}

/// <summary>A refusal's stable code and kind.</summary>
public sealed record EngineError(string Code, EngineErrorKind Kind);

/// <summary>The catalogue of refusals.</summary>
public static class EngineErrors
{
#pragma warning disable CS1591 // The names say what each refusal is.
    public static readonly EngineError DefinitionNotFound = new("ENGINE-DEFINITION-NOT-FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError InstanceNotFound = new("ENGINE-INSTANCE-NOT-FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError TaskNotFound = new("ENGINE-TASK-NOT-FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError IncidentNotFound = new("ENGINE-INCIDENT-NOT-FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError MessageNotCorrelated = new("ENGINE-MESSAGE-NOT-CORRELATED", EngineErrorKind.NotFound);
    public static readonly EngineError MessageAmbiguous = new("ENGINE-MESSAGE-AMBIGUOUS", EngineErrorKind.Conflict);
    public static readonly EngineError TaskNotOpen = new("ENGINE-TASK-NOT-OPEN", EngineErrorKind.Conflict);
    public static readonly EngineError TaskRevisionMismatch = new("ENGINE-TASK-REVISION", EngineErrorKind.Conflict);
    public static readonly EngineError TaskAlreadyClaimed = new("ENGINE-TASK-CLAIMED", EngineErrorKind.Conflict);
    public static readonly EngineError InstanceNotActive = new("ENGINE-INSTANCE-NOT-ACTIVE", EngineErrorKind.Conflict);
    public static readonly EngineError Busy = new("ENGINE-BUSY", EngineErrorKind.Conflict);
    public static readonly EngineError NoPlainStart = new("ENGINE-NO-PLAIN-START", EngineErrorKind.Invalid);
    public static readonly EngineError InvalidModel = new("ENGINE-INVALID-MODEL", EngineErrorKind.Invalid);
    public static readonly EngineError InvalidRequest = new("ENGINE-INVALID-REQUEST", EngineErrorKind.Invalid);
    public static readonly EngineError InvalidForm = new("ENGINE-INVALID-FORM", EngineErrorKind.Invalid);
    public static readonly EngineError VariableLimit = new("ENGINE-VARIABLE-LIMIT", EngineErrorKind.Invalid);
    public static readonly EngineError InvalidName = new("ENGINE-INVALID-NAME", EngineErrorKind.Invalid);
#pragma warning restore CS1591
}
