namespace FourDuty.Engine.Bpmn;

/// <summary>Where tokens split or meet.</summary>
public abstract class Gateway : FlowNode;

/// <summary>Takes the first outgoing flow whose condition holds, else the default.</summary>
public sealed class ExclusiveGateway : Gateway;

/// <summary>Forks a token on every outgoing flow; joins when a token arrived on every incoming flow.</summary>
public sealed class ParallelGateway : Gateway;

/// <summary>Forks on every flow whose condition holds; joins when no other token can still arrive.</summary>
public sealed class InclusiveGateway : Gateway;

/// <summary>Waits for the first of the events after it; the others are withdrawn.</summary>
public sealed class EventBasedGateway : Gateway;
