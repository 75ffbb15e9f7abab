namespace FourDuty.Engine.Runtime.Execution;

/// <summary>
/// An element could not do its work for a reason the model or the data explains (no flow could be chosen, an
/// expression failed, an error nobody catches). It stops the token with an incident; the rest of the step
/// commits, and someone can fix the data and retry.
/// </summary>
internal sealed class ExecutionFailure(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A stable code such as <c>ENGINE-NO-FLOW</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>The codes of incidents, one catalogue.</summary>
internal static class IncidentCodes
{
    public const string ExpressionFailed = "ENGINE-EXPRESSION";
    public const string NoOutgoingFlow = "ENGINE-NO-FLOW";
    public const string HandlerFailed = "ENGINE-HANDLER";
    public const string HandlerMissing = "ENGINE-NO-HANDLER";
    public const string UncaughtError = "ENGINE-UNCAUGHT-ERROR";
    public const string CalledProcessMissing = "ENGINE-NO-CALLED-PROCESS";
    public const string InvalidValue = "ENGINE-INVALID-VALUE";
    public const string VariableLimit = "ENGINE-VARIABLE-LIMIT";
}
