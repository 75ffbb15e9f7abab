using System.Xml;
using FourDuty.Engine;
using FourDuty.Engine.Time;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

/// <summary>The simulated clock; mapped only when the service runs with <c>Clock:Mode=Simulated</c>.</summary>
internal static class ClockEndpoints
{
    public static void MapClockEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/clock", (ProcessEngine engine) => Results.Ok(new { now = engine.Clock.GetUtcNow(), mode = "Simulated" }))
            .RequireAuthorization(AccessPolicy.SignedIn).WithSummary("The simulated clock's time");
        api.MapPost("/clock/advance", AdvanceAsync).RequireAuthorization(AccessPolicy.Admin)
            .Audited("clock.advance", call => call.Argument<ClockAdvanceRequest>()?.Duration)
            .WithSummary("Moves the simulated clock forward (ISO 8601 duration, e.g. P3D), firing every timer that falls due, in order");
    }

    private static async Task<IResult> AdvanceAsync(ClockAdvanceRequest body, ProcessEngine engine, CancellationToken cancellationToken)
    {
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(body.Duration);
        }
        catch (FormatException)
        {
            return Results.Problem($"'{body.Duration}' is not an ISO 8601 duration such as PT1H, P3D or P30D.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "CLOCK-INVALID-DURATION");
        }

        if (duration < TimeSpan.Zero)
        {
            return Results.Problem("The clock only moves forward.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "CLOCK-INVALID-DURATION");
        }

        var ran = await engine.AdvanceClockAsync(duration, cancellationToken);
        return Results.Ok(new { now = engine.Clock.GetUtcNow(), fired = ran });
    }
}
