using FourDuty.Host.Security.AccessTokens;
using Microsoft.AspNetCore.Antiforgery;

namespace FourDuty.Host.Security.Hardening;

/// <summary>
/// A browser sends a cross-site request without asking first (no CORS preflight) when its content type is
/// <c>text/plain</c>, a form encoding, or absent — and it sends the site's cookie with it. So a state-changing API
/// request of that kind is refused unless it carries the antiforgery token (header <c>X-CSRF-TOKEN</c>, as
/// <c>GET /api/me</c> gives it, or the form field). JSON and XML bodies need a preflight, which the service never
/// grants, and a bearer token is never sent by a browser on its own: both pass.
/// </summary>
internal static class CrossSiteRequestGuard
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // Only the cookie is sent by a browser on its own: a stranger's request carries no one's rights, and a bearer
        // token must have been put there by the caller.
        if (!request.Path.StartsWithSegments("/api") || IsSafe(request.Method) || context.User.Identity?.IsAuthenticated != true
            || AccessTokenAuthentication.HasBearer(request)
            || !SentWithoutPreflight(request.ContentType)
            || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }

        await Results.Problem(
            $"A {request.Method} with content type '{request.ContentType ?? "(none)"}' can be sent by any web page a signed-in person visits, so it " +
            $"needs the antiforgery token (header {HeaderName}, from GET /api/me), or send JSON, or use an access token.",
            statusCode: StatusCodes.Status400BadRequest, title: "HTTP-CROSS-SITE-REFUSED",
            extensions: new Dictionary<string, object?> { ["code"] = "HTTP-CROSS-SITE-REFUSED" }).ExecuteAsync(context);
    });

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool SentWithoutPreflight(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        return mediaType.Length == 0
            || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
    }
}
