namespace FourDuty.Engine.Runtime.State;

/// <summary>A token: where an instance is at one element of one scope, and what it waits for.</summary>
public sealed class TokenRecord
{
    /// <summary>The token id; wait states are resumed by it.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The scope instance the token runs in.</summary>
    public Guid ScopeId { get; set; }

    /// <summary>The flow node the token is at.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>What the token is doing there.</summary>
    public TokenStatus Status { get; set; }

    /// <summary>The instance started by the call activity the token waits at.</summary>
    public Guid? CalledInstanceId { get; set; }

    /// <summary>At a join: the sequence flow the token arrived by.</summary>
    public string? ArrivedVia { get; set; }
}

/// <summary>What a token is doing at its element.</summary>
public enum TokenStatus
{
    /// <summary>Waiting for a trigger: a task to be completed, a timer, a message, a job, a scope to finish.</summary>
    Waiting,

    /// <summary>Arrived at a join and waiting for the other paths.</summary>
    Joining,

    /// <summary>Stopped by an incident until someone retries it.</summary>
    Failed,
}
