using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FourDuty.Host.Security.Hardening;

/// <summary>
/// Password sign-in and task-link posts are limited per client address and minute (<c>Security:SignInPerMinute</c>,
/// <c>Security:TaskLinkPostsPerMinute</c>), so that guessing passwords or links is slow even before an account locks.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string TaskLink = "task-link";

    public static IServiceCollection AddFourDutyRateLimits(this IServiceCollection services, SecurityOptions security) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => PerAddress(context, SignIn, security.SignInPerMinute));
            limiter.AddPolicy(TaskLink, context => PerAddress(context, TaskLink, security.TaskLinkPostsPerMinute));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                rejected.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(
                    FourDuty.Host.TaskPages.TaskPageHtml.Message("操作过于频繁", "请稍等一分钟后再试。", "Too many attempts; wait a minute and try again."),
                    cancellationToken);
            };
        });

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
