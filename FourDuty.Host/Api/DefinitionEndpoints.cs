using System.Security.Claims;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;

namespace FourDuty.Host.Api;

internal static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder api)
    {
        var definitions = api.MapGroup("/definitions").RequireAuthorization(AccessPolicy.SignedIn);
        definitions.MapGet("", ListAsync)
            .WithSummary("The latest version of every deployed process; ?startable=true: only those the signed-in person may start by hand");
        definitions.MapGet("/{key}", GetAsync).WithSummary("The latest version of one process");
        definitions.MapGet("/{key}/versions", VersionsAsync).WithSummary("Every version of one process");
        definitions.MapGet("/{key}/xml", XmlAsync).WithSummary("The BPMN XML of the latest (or ?version=) version");
        definitions.MapGet("/{key}/forms", FormsAsync).WithSummary("The task forms of the latest (or ?version=) version, as its tasks open them");
        definitions.MapGet("/{key}/start-form", StartFormAsync).RequireAuthorization(AccessPolicy.Starter)
            .WithSummary("The form-js form the process asks for when it is started by hand (404 when it names none)");
        definitions.MapPost("/{key}/start", StartAsync).RequireAuthorization(AccessPolicy.Starter)
            .Audited("instance.start", call => call.Result is InstanceView view ? $"instance {view.Instance.Id}, business key {view.Instance.BusinessKey}" : null)
            .WithSummary("Starts an instance at the plain start event; 422 with every field error when its start form refuses the variables");
    }

    private static async Task<IResult> ListAsync(bool? startable, ClaimsPrincipal user, ProcessEngine engine, StarterRules rules,
        CancellationToken cancellationToken)
    {
        var latest = (await engine.Queries.ListDefinitionsAsync(null, cancellationToken)).GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!);
        if (startable == true)
        {
            var caller = Caller.Of(user);
            var allowed = (await engine.GetLatestDefinitionsAsync(cancellationToken)).Where(d => rules.MayStart(caller, d)).Select(d => d.Id).ToHashSet();
            latest = latest.Where(d => allowed.Contains(d.Id));
        }

        return Results.Ok(latest.Select(Summary));
    }

    private static async Task<IResult> GetAsync(string key, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var versions = await engine.Queries.ListDefinitionsAsync(key, cancellationToken);
        return versions.Count == 0 ? Missing(key) : Results.Ok(Summary(versions.MaxBy(d => d.Version)!));
    }

    private static async Task<IResult> VersionsAsync(string key, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var versions = await engine.Queries.ListDefinitionsAsync(key, cancellationToken);
        return versions.Count == 0 ? Missing(key) : Results.Ok(versions.Select(Summary));
    }

    private static async Task<IResult> XmlAsync(string key, int? version, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var versions = await engine.Queries.ListDefinitionsAsync(key, cancellationToken);
        var definition = version is null ? versions.MaxBy(d => d.Version) : versions.FirstOrDefault(d => d.Version == version);
        return definition is null ? Missing(key) : Results.Text(definition.Xml, "application/xml; charset=utf-8");
    }

    private static async Task<IResult> FormsAsync(string key, int? version, ProcessEngine engine, CancellationToken cancellationToken)
    {
        var forms = await engine.GetDefinitionFormsAsync(key, version, cancellationToken);
        return Results.Ok(forms.Select(form => new { form.Key, form.Version, Schema = System.Text.Json.Nodes.JsonNode.Parse(form.Json) }));
    }

    private static async Task<IResult> StartFormAsync(string key, int? version, ClaimsPrincipal user, ProcessEngine engine, StarterRules rules,
        CancellationToken cancellationToken)
    {
        var definition = await engine.GetDefinitionAsync(key, version, cancellationToken);
        if (rules.WhyNot(Caller.Of(user), definition) is { } why)
        {
            return Forbidden(why);
        }

        return await engine.GetStartFormAsync(key, definition.Version, cancellationToken) is { } form
            ? Results.Text(form.Json, "application/json; charset=utf-8")
            : ApiErrors.NotFound("ENGINE-FORM-NOT-FOUND", $"Process '{key}' asks for no start form.");
    }

    private static async Task<IResult> StartAsync(string key, StartRequest? body, ClaimsPrincipal user, ProcessEngine engine, StarterRules rules,
        CancellationToken cancellationToken)
    {
        // The version checked is the version started: one deployed in between does not change who may start this one.
        var definition = await engine.GetDefinitionAsync(key, cancellationToken: cancellationToken);
        if (rules.WhyNot(Caller.Of(user), definition) is { } why)
        {
            return Forbidden(why);
        }

        var id = await engine.StartAsync(key, body?.BusinessKey, body?.Variables, definition.Version, cancellationToken);
        var instance = await engine.Queries.GetInstanceAsync(id, cancellationToken);
        return Results.Created($"/api/instances/{id}", InstanceView.From(instance!));
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "START-FORBIDDEN",
            extensions: new Dictionary<string, object?> { ["code"] = "START-FORBIDDEN" });

    private static object Summary(ProcessDefinitionRecord d) =>
        new { d.Id, d.Key, d.Version, d.Name, d.VersionTag, d.ResourceName, d.DeploymentId, d.DeployedAt };

    private static IResult Missing(string key) =>
        ApiErrors.NotFound("ENGINE-DEFINITION-NOT-FOUND", $"No process with key '{key}' is deployed.");
}
