namespace FourDuty.Engine.Runtime.State;

/// <summary>An open wait for a message or signal by name.</summary>
public sealed class SubscriptionRecord
{
    /// <summary>The subscription id.</summary>
    public Guid Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>Message or signal.</summary>
    public SubscriptionKind Kind { get; set; }

    /// <summary>The message or signal name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The correlation key, evaluated when the subscription opened; null matches by name alone.</summary>
    public string? CorrelationKey { get; set; }

    /// <summary>The token that waits (catch event, receive task, boundary event, event-based gateway).</summary>
    public Guid? TokenId { get; set; }

    /// <summary>The scope whose event subprocess the subscription starts.</summary>
    public Guid? ScopeId { get; set; }

    /// <summary>The catching element.</summary>
    public string ElementId { get; set; } = "";

    /// <summary>When it opened.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a subscription waits for.</summary>
public enum SubscriptionKind
{
    /// <summary>A message: delivered to exactly one waiting party.</summary>
    Message,

    /// <summary>A signal: broadcast to every waiting party.</summary>
    Signal,
}
