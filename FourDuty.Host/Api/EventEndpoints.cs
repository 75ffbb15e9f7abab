using FourDuty.Engine;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/messages", CorrelateAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("message.correlate", call => call.Argument<MessageRequest>() is { } m ? $"{m.Name} (correlation key {m.CorrelationKey})" : null)
            .WithSummary("Delivers a message to exactly one waiting instance or message start event; 404 when none, 409 when several");
        api.MapPost("/signals", BroadcastAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("signal.broadcast", call => call.Argument<SignalRequest>()?.Name).WithSummary("Broadcasts a signal to every waiting instance and signal start event");
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
