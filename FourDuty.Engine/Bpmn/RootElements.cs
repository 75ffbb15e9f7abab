namespace FourDuty.Engine.Bpmn;

/// <summary>A <c>message</c> declared in the file; events refer to it by id and correlate by name.</summary>
public sealed record BpmnMessage(string Id, string Name, int Line);

/// <summary>A <c>signal</c> declared in the file; broadcast by name.</summary>
public sealed record BpmnSignal(string Id, string Name, int Line);

/// <summary>An <c>error</c> declared in the file; caught by code.</summary>
public sealed record BpmnError(string Id, string? Name, string? ErrorCode, int Line);

/// <summary>An <c>escalation</c> declared in the file; caught by code.</summary>
public sealed record BpmnEscalation(string Id, string? Name, string? EscalationCode, int Line);
