using FourDuty.Engine;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("/instances").RequireAuthorization(AccessPolicy.Oversight);
        instances.MapGet("", ListAsync).WithSummary("Instances, filtered by ?definitionKey=&state=&businessKey=");
        instances.MapGet("/{id:guid}", GetAsync).WithSummary("One instance: active elements, open tasks, timers, subscriptions, variables, incidents");
        instances.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("The instance's history events, in order");
        instances.MapDelete("/{id:guid}", CancelAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("instance.cancel", call => call.Arguments.OfType<string>().FirstOrDefault()).WithSummary("Cancels the instance (?reason=)");
        instances.MapPut("/{id:guid}/variables", SetVariablesAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("instance.variables", call => call.Argument<Dictionary<string, System.Text.Json.Nodes.JsonNode?>>() is { } set ? "set " + string.Join(", ", set.Keys) : null)
            .WithSummary("Sets process-level variables of a running instance");
    }

    private static async Task<IResult> ListAsync(string? definitionKey, InstanceStatus? state, string? businessKey, ProcessEngine engine,
        CancellationToken cancellationToken) =>
        Results.Ok(await engine.Queries.ListInstancesAsync(new InstanceFilter(definitionKey, state, businessKey), cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, ProcessEngine engine, CancellationToken cancellationToken) =>
        await engine.Queries.GetInstanceAsync(id, cancellationToken) is { } snapshot
            ? Results.Ok(InstanceView.From(snapshot))
            : ApiErrors.NotFound("ENGINE-INSTANCE-NOT-FOUND", $"There is no instance {id}.");

    private static async Task<IResult> HistoryAsync(Guid id, ProcessEngine engine, CancellationToken cancellationToken) =>
        await engine.Queries.GetInstanceAsync(id, cancellationToken) is null
            ? ApiErrors.NotFound("ENGINE-INSTANCE-NOT-FOUND", $"There is no instance {id}.")
            : Results.Ok(await engine.Queries.GetHistoryAsync(id, cancellationToken));

    private static async Task<IResult> SetVariablesAsync(Guid id, Dictionary<string, System.Text.Json.Nodes.JsonNode?> variables, ProcessEngine engine,
        CancellationToken cancellationToken)
    {
        await engine.SetVariablesAsync(id, variables, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> CancelAsync(Guid id, string? reason, ProcessEngine engine, CancellationToken cancellationToken)
    {
        await engine.CancelInstanceAsync(id, reason ?? "cancelled through the API", cancellationToken);
        return Results.NoContent();
    }
}
