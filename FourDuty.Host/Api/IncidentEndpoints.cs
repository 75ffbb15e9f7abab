using FourDuty.Engine;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/incidents", async (Guid? instanceId, ProcessEngine engine, CancellationToken ct) =>
            Results.Ok(await engine.Queries.ListIncidentsAsync(instanceId, ct))).RequireAuthorization(AccessPolicy.Oversight).WithSummary("Open incidents (?instanceId=)");
        api.MapPost("/incidents/{id:guid}/retry", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.RetryIncidentAsync(id, ct);
            return Results.NoContent();
        }).RequireAuthorization(AccessPolicy.Office).Audited("incident.retry").WithSummary("Retries the step the incident stopped");
    }
}
