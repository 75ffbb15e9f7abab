using FourDuty.Host.Security.Accounts;
using FourDuty.Host.Security.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace FourDuty.Host.Security.SignIn;

/// <summary>
/// Single sign-on with the college's OpenID Connect provider (<c>Security:OpenIdConnect</c>): the authorization code
/// flow with PKCE; the ID token's <see cref="OpenIdConnectOptions.PersonClaim"/> names the person, who must have an
/// account (everyone in the organisation file has one). The session is then the service's own cookie, as after a
/// password sign-in, and the roles are the account's. Both outcomes go to the audit trail.
/// </summary>
internal static class OpenIdConnectSignIn
{
    public static AuthenticationBuilder AddFourDutyOpenIdConnect(this AuthenticationBuilder authentication, OpenIdConnectOptions settings,
        CookieSecurePolicy secure)
    {
        if (!settings.Enabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(SignInSchemes.OpenIdConnect, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            // A top-level GET back to the service, so the correlation cookies can stay SameSite=Lax.
            oidc.ResponseMode = "query";
            oidc.UsePkce = true;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.SignInScheme = SignInSchemes.Cookie;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = secure;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = secure;
            oidc.Events.OnTokenValidated = async context =>
            {
                var person = context.Principal?.FindFirst(settings.PersonClaim)?.Value;
                var services = context.HttpContext.RequestServices;
                var trail = services.GetRequiredService<AuditTrail>();
                if (person is null || await services.GetRequiredService<UserManager<Account>>().FindByNameAsync(person) is null)
                {
                    var why = person is null ? $"the ID token has no '{settings.PersonClaim}' claim" : $"'{person}' has no account";
                    await trail.RecordAsync(context.HttpContext, "signin", StatusCodes.Status401Unauthorized, null, $"oidc: {why}", person ?? "anonymous", "oidc");
                    context.Fail(why);
                    return;
                }

                context.Principal = SignInEndpoints.Principal(person, "oidc");
                await trail.RecordAsync(context.HttpContext, "signin", StatusCodes.Status200OK, null, "oidc", person, "oidc");
            };
            oidc.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{SignInEndpoints.SignInPath}?error=sso");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
