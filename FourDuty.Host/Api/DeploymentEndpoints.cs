using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class DeploymentEndpoints
{
    public static void MapDeploymentEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/deployments", DeployAsync).RequireAuthorization(AccessPolicy.Designer)
            .WithBodyLimit(o => o.MaxDeploymentBytes, "Security:MaxDeploymentBytes")
            .Audited("deployment.create", call => call.Result is DeploymentResult result
                ? result.Succeeded ? string.Join(", ", result.Definitions.Select(d => $"{d.Key} v{d.Version}")) : $"{result.Problems.Count} problems"
                : null)
            .WithSummary("Deploys one or more .bpmn files (multipart form, or one raw XML body)")
            .WithDescription("201 with the definitions and their versions (an identical redeploy keeps its version), or 422 with every validation problem.")
            .Produces<DeploymentResult>(StatusCodes.Status201Created)
            .Produces<DeploymentResult>(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/deployments/validate", ValidateAsync).RequireAuthorization(AccessPolicy.Designer)
            .WithBodyLimit(o => o.MaxDeploymentBytes, "Security:MaxDeploymentBytes")
            .ChangesNothing("checks files, deploys nothing")
            .WithSummary("Checks .bpmn and .form files exactly as a deployment would, and deploys nothing")
            .WithDescription("200 with every problem (element id, rule, code, line, message; none when the files would deploy).")
            .Produces<DeploymentResult>();
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var result = await engine.ValidateAsync(await ReadResourcesAsync(request, cancellationToken), cancellationToken);
        return Results.Ok(new { valid = result.Succeeded, problems = result.Problems });
    }

    private static async Task<IResult> DeployAsync(HttpRequest request, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var resources = await ReadResourcesAsync(request, cancellationToken);
        var result = await engine.DeployAsync(resources, cancellationToken);
        return result.Succeeded
            ? Results.Json(result, statusCode: StatusCodes.Status201Created)
            : Results.Json(result, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    internal static async Task<List<DeploymentResource>> ReadResourcesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var resources = new List<DeploymentResource>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                resources.Add(new DeploymentResource(file.FileName, await reader.ReadToEndAsync(cancellationToken)));
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            var name = request.Headers["X-File-Name"].FirstOrDefault() ?? "deployment.bpmn";
            resources.Add(new DeploymentResource(name, await reader.ReadToEndAsync(cancellationToken)));
        }

        return resources;
    }
}
