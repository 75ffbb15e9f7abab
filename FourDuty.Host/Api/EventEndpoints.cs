using FourDuty.Engine;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/messages", CorrelateAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("message.correlate", call => call.Argument<MessageRequest>() is { } m ? $"{m.MessageNameGiven} (correlation key {m.CorrelationKey}, business key {m.BusinessKey})" : null)
            .WithSummary("Delivers a message to exactly one waiting instance or message start event, picked by correlationKey, businessKey and correlationKeys as in Camunda 7; 404 when none (nothing changed), 409 when several");
        api.MapPost("/signals", BroadcastAsync).RequireAuthorization(AccessPolicy.Office)
            .Audited("signal.broadcast", call => call.Argument<SignalRequest>()?.Name).WithSummary("Broadcasts a signal to every waiting instance and signal start event");
    }

    private static async Task<IResult> CorrelateAsync(MessageRequest body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.MessageNameGiven))
        {
            return Results.Problem("The message needs a name: give \"name\" (or Camunda's \"messageName\").", statusCode: StatusCodes.Status400BadRequest,
                title: "API-MESSAGE-NAME-MISSING", extensions: new Dictionary<string, object?> { ["code"] = "API-MESSAGE-NAME-MISSING" });
        }

        var delivery = await engine.CorrelateMessageAsync(body.MessageNameGiven, body.CorrelationKey, body.VariablesGiven, body.BusinessKey,
            body.CorrelationKeysGiven, cancellationToken);
        return Results.Ok(delivery);
    }

    private static async Task<IResult> BroadcastAsync(SignalRequest body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        await engine.BroadcastSignalAsync(body.Name, body.Variables, cancellationToken);
        return Results.NoContent();
    }
}
