namespace FourDuty.Host.Api;

internal static class ApiEndpoints
{
    /// <summary>The engine's HTTP API under <c>/api</c>, named after the resources Camunda 7's REST API users know.</summary>
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder app, bool simulatedClock)
    {
        var api = app.MapGroup("/api");
        api.MapDeploymentEndpoints();
        api.MapDefinitionEndpoints();
        api.MapInstanceEndpoints();
        FourDuty.Host.Mail.InstanceMailEndpoints.MapInstanceMailEndpoints(api);
        api.MapTaskEndpoints();
        api.MapEventEndpoints();
        api.MapIncidentEndpoints();
        api.MapTestRunEndpoints();
        if (simulatedClock)
        {
            api.MapClockEndpoints();
        }

        return api;
    }
}
