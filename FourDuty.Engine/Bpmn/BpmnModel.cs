namespace FourDuty.Engine.Bpmn;

/// <summary>A parsed BPMN file: its processes and the messages, signals, errors and escalations they share.</summary>
public sealed class BpmnModel
{
    /// <summary>The processes, executable or not, in document order.</summary>
    public required IReadOnlyList<BpmnProcess> Processes { get; init; }

    /// <summary>Messages by id.</summary>
    public required IReadOnlyDictionary<string, BpmnMessage> Messages { get; init; }

    /// <summary>Signals by id.</summary>
    public required IReadOnlyDictionary<string, BpmnSignal> Signals { get; init; }

    /// <summary>Errors by id.</summary>
    public required IReadOnlyDictionary<string, BpmnError> Errors { get; init; }

    /// <summary>Escalations by id.</summary>
    public required IReadOnlyDictionary<string, BpmnEscalation> Escalations { get; init; }

    /// <summary>The processes that can be deployed and run.</summary>
    public IEnumerable<BpmnProcess> ExecutableProcesses => Processes.Where(p => p.IsExecutable);
}
