using FourDuty.Engine;

namespace FourDuty.Host.Api;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/messages", CorrelateAsync)
            .WithSummary("Delivers a message to exactly one waiting instance or message start event; 404 when none, 409 when several");
        api.MapPost("/signals", BroadcastAsync).WithSummary("Broadcasts a signal to every waiting instance and signal start event");
    }

    private static async Task<IResult> CorrelateAsync(MessageRequest body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var delivery = await engine.CorrelateMessageAsync(body.Name, body.CorrelationKey, body.Variables, cancellationToken);
        return Results.Ok(delivery);
    }

    private static async Task<IResult> BroadcastAsync(SignalRequest body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        await engine.BroadcastSignalAsync(body.Name, body.Variables, cancellationToken);
        return Results.NoContent();
    }
}
