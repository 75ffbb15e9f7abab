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
        if (!ClockDuration.TryRead(body.Duration, "PT1H, P3D or P30D", out var duration, out var problem))
        {
            return problem!;
        }

        var ran = await engine.AdvanceClockAsync(duration, cancellationToken);
        return Results.Ok(new { now = engine.Clock.GetUtcNow(), fired = ran });
    }
}
