using FourDuty.Engine.Runtime.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// Keeps task link tokens out of the logs. The web host logs each request's path ("Request starting GET
/// /t/...") and puts it in the scope of every log line of the request, before any middleware can act. So the
/// server is wrapped: as it hands a request over, a token-shaped path segment after <c>/t/</c> is moved out of
/// the path into a request feature that only the task pages read, and the path the host, routing and logs see
/// is <c>/t/redacted</c> (or <c>/t/redacted/evidence</c>).
/// </summary>
internal static class TaskLinkRedaction
{
    public const string Placeholder = "redacted";

    /// <summary>Wraps the registered server (Kestrel) so that every request passes through <see cref="MoveTokenOutOfPath"/>.</summary>
    public static IServiceCollection AddTaskLinkRedaction(this IServiceCollection services)
    {
        var server = services.LastOrDefault(d => d.ServiceType == typeof(IServer));
        if (server is null)
        {
            return services;
        }

        services.Remove(server);
        services.AddSingleton<IServer>(sp => new RedactingServer(Create(sp, server)));
        return services;
    }

    /// <summary>The token the request came with, when the server took it out of the path; otherwise null.</summary>
    public static string? TokenOf(HttpContext context) => context.Features.Get<TaskLinkTokenFeature>()?.Token;

    private static void MoveTokenOutOfPath(IFeatureCollection features)
    {
        if (features.Get<IHttpRequestFeature>() is not { } request
            || !request.Path.StartsWith(TaskPageEndpoints.Prefix, StringComparison.Ordinal)
            || request.Path[TaskPageEndpoints.Prefix.Length..] is not { } rest
            || (rest.IndexOf('/') is var slash && slash >= 0 ? rest[..slash] : rest) is not { } token
            || !TaskLinkTokens.LooksValid(token))
        {
            return;
        }

        // What follows the token stays (/t/{token}/evidence uploads evidence for the link's task).
        features.Set(new TaskLinkTokenFeature(token));
        request.Path = TaskPageEndpoints.Prefix + Placeholder + rest[token.Length..];
        request.RawTarget = request.Path + request.QueryString;
    }

    private static IServer Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IServer)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed record TaskLinkTokenFeature(string Token);

    private sealed class RedactingServer(IServer inner) : IServer
    {
        public IFeatureCollection Features => inner.Features;

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull =>
            inner.StartAsync(new RedactingApplication<TContext>(application), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingApplication<TContext>(IHttpApplication<TContext> inner) : IHttpApplication<TContext>
        where TContext : notnull
    {
        public TContext CreateContext(IFeatureCollection contextFeatures)
        {
            MoveTokenOutOfPath(contextFeatures);
            return inner.CreateContext(contextFeatures);
        }

        public Task ProcessRequestAsync(TContext context) => inner.ProcessRequestAsync(context);

        public void DisposeContext(TContext context, Exception? exception) => inner.DisposeContext(context, exception);
    }
}
