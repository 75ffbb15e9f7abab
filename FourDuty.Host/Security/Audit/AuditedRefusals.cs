using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FourDuty.Host.Security.Audit;

/// <summary>
/// Records a signed-in caller that a policy refuses (403) on an audited endpoint: the refusal happens before the
/// endpoint's filter runs, so without this only the refusals of the finer task rules reached the trail. Anonymous
/// calls (401) are not recorded: nobody is known, and anyone who reaches the port could fill the table with them.
/// </summary>
internal sealed class AuditedRefusals(AuthorizationMiddlewareResultHandler standard) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<AuditedOperation>() is { } operation)
        {
            await AuditFilter.RecordRefusalAsync(context, operation, StatusCodes.Status403Forbidden);
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
