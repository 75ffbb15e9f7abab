using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>What resumes a waiting token.</summary>
internal abstract record Trigger(IReadOnlyDictionary<string, VariableValue> Variables);

/// <summary>A person completed the user task.</summary>
internal sealed record TaskCompleted(UserTaskRecord Task, string? UserId, IReadOnlyDictionary<string, VariableValue> Variables) : Trigger(Variables);

/// <summary>A timer of the token (or of its boundary, gateway or event subprocess) fell due.</summary>
internal sealed record TimerFired(TimerRecord Timer) : Trigger(NoVariables.Instance);

/// <summary>A message or signal arrived for one of the token's subscriptions.</summary>
internal sealed record EventReceived(SubscriptionRecord Subscription, IReadOnlyDictionary<string, VariableValue> Variables) : Trigger(Variables);

/// <summary>The token's job finished: a handler's result, or an asynchronous continuation.</summary>
internal sealed record JobCompleted(JobRecord Job, IReadOnlyDictionary<string, VariableValue> Variables, VariableValue? Result) : Trigger(Variables);

/// <summary>The instance called by the token's call activity has ended.</summary>
internal sealed record CalledInstanceEnded(InstanceState Called) : Trigger(NoVariables.Instance);

internal static class NoVariables
{
    public static readonly IReadOnlyDictionary<string, VariableValue> Instance = new Dictionary<string, VariableValue>();
}
