using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Security.Hardening;

/// <summary>
/// Every request body has a limit: <c>Security:MaxRequestBytes</c> (1 MB) unless its endpoint names another
/// (<see cref="WithBodyLimit{TBuilder}"/>): deployments and test-runs <c>Security:MaxDeploymentBytes</c> (4 MB), evidence
/// uploads their own. A body declared larger is answered 413 before it is read, in the API's problem shape; a body of
/// unknown length is read up to the limit first, and answered the same way when it goes past it.
/// </summary>
internal static class RequestSizeLimits
{
    public const string Code = "HTTP-BODY-TOO-LARGE";

    /// <summary>Gives the endpoint its own body limit; null means the endpoint enforces its own (evidence uploads).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, Func<SecurityOptions, long?> limit, string setting)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(limit, setting));

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue;
        var own = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
        var (limit, setting) = own is null ? (options.MaxRequestBytes, "Security:MaxRequestBytes") : (own.Of(options), own.Setting);
        if (limit is not { } max || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        if (request.ContentLength > max)
        {
            await TooLarge(request.Path, request.ContentLength.Value, max, setting).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        if (request.ContentLength is null && await BufferAsync(context, max) is false)
        {
            await TooLarge(request.Path, null, max, setting).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    // A body of unknown length (chunked) is read here, up to the limit: past it, the endpoint would only see a broken
    // stream (minimal APIs answer an empty response to that), so the refusal is made here, in the same shape.
    private static async Task<bool> BufferAsync(HttpContext context, long max)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return true;
    }

    /// <summary>The 413 answer, Chinese first, naming the limit and the setting that raises it.</summary>
    public static IResult TooLarge(PathString path, long? length, long limit, string setting) => Results.Problem(
        $"请求内容过大：{path} 最多接受 {limit:N0} 字节（设置项 {setting}）。 " +
        $"The request body{(length is { } n ? $" is {n:N0} bytes; it" : "")} is over the limit of {limit:N0} bytes for {path} ({setting}).",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: Code,
        extensions: new Dictionary<string, object?> { ["code"] = Code, ["limit"] = limit, ["setting"] = setting });

    private sealed record BodyLimit(Func<SecurityOptions, long?> Of, string Setting);
}
