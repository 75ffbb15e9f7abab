using FourDuty.Engine;

namespace FourDuty.Host.Api;

internal static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/incidents", async (Guid? instanceId, ProcessEngine engine, CancellationToken ct) =>
            Results.Ok(await engine.Queries.ListIncidentsAsync(instanceId, ct))).WithSummary("Open incidents (?instanceId=)");
        api.MapPost("/incidents/{id:guid}/retry", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.RetryIncidentAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("Retries the step the incident stopped");
    }
}
