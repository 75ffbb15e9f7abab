using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>Appends history events in the step's transaction, those the engine's history level keeps.</summary>
internal sealed class HistoryWriter(StepContext step)
{
    private readonly HistoryLevel _level = step.Services.Options.History;

    public void Record(InstanceState instance, HistoryEventType type, string? elementId = null, Guid? tokenId = null,
        Guid? subjectId = null, string? details = null)
    {
        if (!_level.Records(type))
        {
            return;
        }

        instance.Record(new HistoryRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            At = step.Now,
            Type = type,
            ElementId = elementId,
            TokenId = tokenId,
            SubjectId = subjectId,
            Details = details,
        });
    }
}
