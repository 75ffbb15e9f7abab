using FourDuty.Engine.Runtime;
using FourDuty.Host.Api;

namespace FourDuty.Host.Security.Audit;

/// <summary>The audit record an endpoint asks for: a stable operation name and, optionally, a summary of its result.</summary>
/// <param name="Operation">E.g. <c>task.complete</c>.</param>
/// <param name="Summarize">Makes a short summary from the endpoint's arguments and result value; must never include a secret.</param>
internal sealed record AuditedOperation(string Operation, Func<AuditedCall, string?>? Summarize = null);

/// <summary>What an audited endpoint was called with, and what it returned (the value of its result).</summary>
internal sealed record AuditedCall(IList<object?> Arguments, object? Result)
{
    /// <summary>The first argument of type <typeparamref name="T"/> (the request body, usually).</summary>
    public T? Argument<T>() where T : class => Arguments.OfType<T>().FirstOrDefault();
}

/// <summary>
/// Records every state change in one place: each state-changing endpoint is marked <see cref="AuditedExtensions.Audited{TBuilder}"/>, and
/// this filter writes one entry when it ends — done, refused or failed — with who, from where, the route's ids and the
/// outcome. An endpoint that knows more (who a task link belongs to, what a sign-in was for) adds it with
/// <see cref="Note"/>. Route values named <c>token</c> are never recorded.
/// </summary>
internal sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditedOperation>() is not { } operation)
        {
            return await next(context);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception)
        {
            await RecordAsync(http, operation, StatusOf(exception), summary: exception is EngineException engine ? engine.Error.Code : null);
            throw;
        }

        var value = result is IValueHttpResult { Value: var inner } ? inner : result;
        await RecordAsync(http, operation, result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode,
            operation.Summarize?.Invoke(new AuditedCall(context.Arguments, value)));
        return result;
    }

    /// <summary>Adds to the entry the endpoint's filter will write: the actor when nobody is signed in, the target, a summary.</summary>
    public static void Note(HttpContext http, string? actor = null, string? target = null, string? summary = null, string? via = null) =>
        http.Features.Set(new AuditNote(actor, target, summary, via));

    /// <summary>Records a call refused before the endpoint ran (by its policy).</summary>
    public static Task RecordRefusalAsync(HttpContext http, AuditedOperation operation, int status) => RecordAsync(http, operation, status, summary: null);

    private static Task RecordAsync(HttpContext http, AuditedOperation operation, int status, string? summary)
    {
        var note = http.Features.Get<AuditNote>();
        var target = note?.Target ?? string.Join("; ", http.Request.RouteValues
            .Where(v => v.Key != "token" && v.Value is not null)
            .Select(v => $"{v.Key}={v.Value}"));
        return http.RequestServices.GetRequiredService<AuditTrail>()
            .RecordAsync(http, operation.Operation, status, target, note?.Summary ?? summary, note?.Actor, note?.Via);
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        EngineException engine => ApiErrors.StatusOf(engine.Error.Kind),
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed record AuditNote(string? Actor, string? Target, string? Summary, string? Via);
}

/// <summary>Marks a POST that changes none of the service's records (a validation, a designer's isolated test-run).</summary>
/// <param name="Why">Why nothing needs recording.</param>
internal sealed record ChangesNothing(string Why);

internal static class AuditedExtensions
{
    /// <summary>Says on purpose that the endpoint, though not a GET, changes no record of the service and is not audited.</summary>
    public static TBuilder ChangesNothing<TBuilder>(this TBuilder builder, string why) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChangesNothing(why));

    /// <summary>Records each call of the endpoint in the audit trail as <paramref name="operation"/>.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string operation, Func<AuditedCall, string?>? summarize = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedOperation(operation, summarize)).AddEndpointFilter(new AuditFilter());
}
