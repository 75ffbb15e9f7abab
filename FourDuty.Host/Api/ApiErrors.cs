using FourDuty.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FourDuty.Host.Api;

/// <summary>
/// Turns the engine's refusals into problem details: not found is 404, conflict 409, invalid 422, each with the
/// engine's stable code and message. Anything else is a 500 without internals.
/// </summary>
internal sealed class ApiErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            EngineException engine => (StatusOf(engine.Error.Kind), engine.Error.Code, engine.Message),
            // Kestrel's own limit, for a body that grew past it while streaming.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge,
                Security.Hardening.RequestSizeLimits.Code, $"请求内容过大。 The request body is over the limit for {context.Request.Path}."),
            BadHttpRequestException bad => (StatusCodes.Status400BadRequest, "HTTP-BAD-REQUEST",
                bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = code, Detail = detail };
        details.Extensions["code"] = code;
        // Camunda 7's REST clients read the reason from "message".
        details.Extensions["message"] = detail;
        if (exception is EngineException { Details: { } extra })
        {
            details.Extensions["errors"] = extra;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The HTTP status of an engine refusal of this kind.</summary>
    public static int StatusOf(EngineErrorKind kind) => kind switch
    {
        EngineErrorKind.NotFound => StatusCodes.Status404NotFound,
        EngineErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>A 404 for a missing resource, in the same shape as the engine's.</summary>
    public static IResult NotFound(string code, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
