using FourDuty.Host.Security.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FourDuty.Host.Security.Policies;

/// <summary>
/// What happens when an endpoint's policy refuses a call. A signed-in caller refused (403) on an audited endpoint is
/// recorded: the refusal happens before the endpoint's filter runs, so without this only the refusals of the finer task
/// rules reached the trail. Anonymous calls (401) are not recorded: nobody is known, and anyone who reaches the port could
/// fill the table with them. An API refusal answers with a problem that says, in Chinese then English, what the endpoint
/// needs (<see cref="AccessPolicy.Descriptions"/>), instead of an empty body; pages still go to the sign-in page.
/// </summary>
internal sealed class PolicyRefusals(AuthorizationMiddlewareResultHandler standard) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<AuditedOperation>() is { } operation)
        {
            await AuditFilter.RecordRefusalAsync(context, operation, StatusCodes.Status403Forbidden);
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && !context.Response.HasStarted
            && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            await Problem(context).ExecuteAsync(context);
        }
    }

    private static IResult Problem(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null)
            ?? AccessPolicy.SignedIn;
        var needs = AccessPolicy.Descriptions.GetValueOrDefault(name, AccessPolicy.Descriptions[AccessPolicy.SignedIn]);
        var (code, detail) = context.Response.StatusCode == StatusCodes.Status401Unauthorized
            ? ("SIGN-IN-REQUIRED", "请先登录（登录 Cookie 或个人访问令牌）/ Sign in first (the sign-in cookie or a personal access token).")
            : ("POLICY-FORBIDDEN", "您的账户无权执行此操作 / Your account may not do this.");
        detail += $" 需要 Requires: {needs}";
        return Results.Problem(detail, statusCode: context.Response.StatusCode, title: code,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["policy"] = name });
    }
}
