using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FourDuty.Host.Security.Policies;

/// <summary>
/// Each operation of the OpenAPI description says what it needs: the security schemes (a personal access token, or the
/// sign-in cookie), its policy in <c>x-fourduty-policy</c>, and a first line of its description in Chinese and English.
/// </summary>
internal static class OpenApiPolicies
{
    public const string Extension = "x-fourduty-policy";
    private const string Bearer = "accessToken";
    private const string Cookie = "signInCookie";

    public static OpenApiOptions AddPolicyDescriptions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "个人访问令牌 / a personal access token from POST /api/tokens: Authorization: Bearer fdpat_…",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "fourduty.auth",
                Description = "登录 Cookie / the cookie of a sign-in at /account/signin; form-encoded, text/plain or bodiless posts also need the X-CSRF-TOKEN header",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var policy = anonymous ? "anonymous" : metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? AccessPolicy.SignedIn;
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(policy));
            var needs = anonymous ? "无需登录 / anonymous" : AccessPolicy.Descriptions[policy];
            operation.Description = $"权限 Requires: **{policy}** — {needs}" + (operation.Description is { Length: > 0 } text ? "\n\n" + text : "");
            if (!anonymous)
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
                ];
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
