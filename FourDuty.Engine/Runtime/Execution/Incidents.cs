using System.Text.Json;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Runtime.Execution;

/// <summary>Stops a token with an incident that says what failed and where.</summary>
internal static class Incidents
{
    public static async ValueTask<IncidentRecord> RaiseAsync(StepContext step, InstanceState instance, TokenRecord token, string elementId,
        IncidentPhase phase, ExecutionFailure failure, Guid? jobId = null)
    {
        // A failed token waits for nothing but the retry, which opens its waits afresh.
        await step.Waits.RemoveTokenWaitsAsync(instance, token);
        if (phase == IncidentPhase.Enter)
        {
            foreach (var scope in instance.Scopes.Where(s => s.Kind == ScopeKind.Activity && s.OwnerTokenId == token.Id).ToList())
            {
                step.Scopes.Remove(instance, scope);
            }
        }

        token.Status = TokenStatus.Failed;
        var incident = new IncidentRecord
        {
            Id = step.NewId(),
            InstanceId = instance.Instance.Id,
            TokenId = token.Id,
            ElementId = elementId,
            Code = failure.Code,
            Message = failure.Message,
            Phase = phase,
            JobId = jobId,
            CreatedAt = step.Now,
        };
        instance.Incidents.Add(incident);
        step.History.Record(instance, HistoryEventType.IncidentCreated, elementId, token.Id, incident.Id,
            JsonSerializer.Serialize(new { code = failure.Code, message = failure.Message }));
        return incident;
    }
}
