namespace FourDuty.Engine.Bpmn;

/// <summary>A rule of the parser or validator: a stable code, a short name and how severe a breach is.</summary>
public sealed record BpmnRule(string Code, string Name, ProblemSeverity Severity);

/// <summary>
/// The catalogue of every rule the parser and validator apply. Codes are stable: tools and tests may rely on
/// them. Messages are written where the problem is found, and name the element, echo the value and say how to fix it.
/// </summary>
public static class BpmnRules
{
#pragma warning disable CS1591 // The names say what each rule is; the catalogue is its own documentation.
    // The file as a whole.
    public static readonly BpmnRule MalformedXml = new("BPMN-001", "xml-malformed", ProblemSeverity.Error);
    public static readonly BpmnRule DtdRefused = new("BPMN-002", "dtd-refused", ProblemSeverity.Error);
    public static readonly BpmnRule TooLarge = new("BPMN-003", "too-large", ProblemSeverity.Error);
    public static readonly BpmnRule TooDeep = new("BPMN-004", "too-deep", ProblemSeverity.Error);
    public static readonly BpmnRule TooManyElements = new("BPMN-005", "too-many-elements", ProblemSeverity.Error);
    public static readonly BpmnRule NotBpmn = new("BPMN-006", "not-bpmn", ProblemSeverity.Error);
    public static readonly BpmnRule NoProcess = new("BPMN-007", "no-process", ProblemSeverity.Error);
    public static readonly BpmnRule NotExecutable = new("BPMN-008", "not-executable", ProblemSeverity.Warning);

    // Ids and references.
    public static readonly BpmnRule MissingId = new("BPMN-010", "missing-id", ProblemSeverity.Error);
    public static readonly BpmnRule DuplicateId = new("BPMN-011", "duplicate-id", ProblemSeverity.Error);
    public static readonly BpmnRule DanglingReference = new("BPMN-020", "dangling-reference", ProblemSeverity.Error);
    public static readonly BpmnRule FlowLeavesScope = new("BPMN-021", "flow-leaves-scope", ProblemSeverity.Error);
    public static readonly BpmnRule InvalidValue = new("BPMN-022", "invalid-value", ProblemSeverity.Error);
    public static readonly BpmnRule MissingName = new("BPMN-023", "missing-name", ProblemSeverity.Error);

    // Structure of the graph.
    public static readonly BpmnRule Unreachable = new("BPMN-030", "unreachable", ProblemSeverity.Warning);
    public static readonly BpmnRule NoStartEvent = new("BPMN-031", "no-start-event", ProblemSeverity.Error);
    public static readonly BpmnRule StartEventCount = new("BPMN-032", "start-event-count", ProblemSeverity.Error);
    public static readonly BpmnRule IncomingNotAllowed = new("BPMN-033", "incoming-not-allowed", ProblemSeverity.Error);
    public static readonly BpmnRule OutgoingNotAllowed = new("BPMN-034", "outgoing-not-allowed", ProblemSeverity.Error);
    public static readonly BpmnRule LinkUnmatched = new("BPMN-035", "link-unmatched", ProblemSeverity.Error);

    // Gateways and conditions.
    public static readonly BpmnRule GatewayFlowCount = new("BPMN-040", "gateway-flow-count", ProblemSeverity.Error);
    public static readonly BpmnRule GatewayPassThrough = new("BPMN-041", "gateway-pass-through", ProblemSeverity.Warning);
    public static readonly BpmnRule ConditionMissing = new("BPMN-042", "condition-missing", ProblemSeverity.Error);
    public static readonly BpmnRule ConditionIgnored = new("BPMN-043", "condition-ignored", ProblemSeverity.Warning);
    public static readonly BpmnRule DefaultFlowInvalid = new("BPMN-044", "default-flow-invalid", ProblemSeverity.Error);
    public static readonly BpmnRule EventGatewayTarget = new("BPMN-045", "event-gateway-target", ProblemSeverity.Error);

    // Events.
    public static readonly BpmnRule BoundaryAttachment = new("BPMN-050", "boundary-attachment", ProblemSeverity.Error);
    public static readonly BpmnRule TriggerNotAllowed = new("BPMN-051", "trigger-not-allowed", ProblemSeverity.Error);
    public static readonly BpmnRule TimerInvalid = new("BPMN-060", "timer-invalid", ProblemSeverity.Error);
    public static readonly BpmnRule ExpressionInvalid = new("BPMN-070", "expression-invalid", ProblemSeverity.Error);

    // What the engine runs.
    public static readonly BpmnRule UnsupportedElement = new("BPMN-080", "unsupported-element", ProblemSeverity.Error);
    public static readonly BpmnRule UnsupportedAttribute = new("BPMN-081", "unsupported-attribute", ProblemSeverity.Error);
    public static readonly BpmnRule NotExecuted = new("BPMN-082", "not-executed", ProblemSeverity.Warning);
    public static readonly BpmnRule ImplementationMissing = new("BPMN-083", "implementation-missing", ProblemSeverity.Error);
#pragma warning restore CS1591
}
