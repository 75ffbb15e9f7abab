using FourDuty.Host.Security.AccessTokens;
using FourDuty.Host.Security.Accounts;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FourDuty.Host.Security;

/// <summary>Identities, sign-in, roles and policies, access tokens, the audit trail and the hardening of every response.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddFourDutySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        // Cookies are Secure whenever people reach the service over HTTPS (PublicUrl); on a plain-HTTP trial they follow the request.
        var secure = (configuration["PublicUrl"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

        services.AddAccessDatabase();
        services.AddIdentityCore<Account>(identity =>
            {
                // Length over composition rules (NIST SP 800-63B).
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddSignInManager();
        services.AddHostedService<AccountSeeder>();
        services.AddScoped<AccessTokenStore>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<TaskRules>();
        services.AddSingleton<StarterRules>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StarterHandler>();
        services.AddScoped<IClaimsTransformation, AccountClaimsTransformation>();

        services.AddAuthentication(SignInSchemes.Default)
            .AddPolicyScheme(SignInSchemes.Default, null, scheme => scheme.ForwardDefaultSelector = context =>
                AccessTokenAuthentication.HasBearer(context.Request) ? AccessTokenAuthentication.SchemeName : SignInSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddCookie(SignInSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "fourduty.auth";
                cookie.Cookie.HttpOnly = true;
                // Lax: a link from a mail opens signed in; a cross-site POST carries no cookie.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = SignInEndpoints.SignInPath;
                cookie.AccessDeniedPath = "/account/denied";
                cookie.ReturnUrlParameter = "returnUrl";
                // The API answers 401 and 403; only pages send a browser to the sign-in page.
                cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            })
            .AddFourDutyOpenIdConnect(security.OpenIdConnect, secure);
        services.AddAuthorizationBuilder().AddAccessPolicies();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PolicyRefusals>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "fourduty.af";
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.HeaderName = CrossSiteRequestGuard.HeaderName;
        });
        services.AddFourDutyRateLimits(security);
        return services;
    }

    /// <summary>The middleware, in order: headers on every response, who is asking, cross-site refusals, rate limits, policies.</summary>
    public static IApplicationBuilder UseFourDutySecurity(this IApplicationBuilder app) => app
        .UseSecurityHeaders()
        .UseRequestSizeLimits()
        .UseAuthentication()
        .UseCrossSiteRequestGuard()
        .UseRateLimiter()
        .UseAuthorization();

    /// <summary>The sign-in pages and the API of accounts, tokens and the audit trail.</summary>
    public static void MapSecurityEndpoints(this IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        app.MapSignInPages();
        api.MapMeEndpoints();
        api.MapAccountEndpoints();
        api.MapAccessTokenEndpoints();
        api.MapAuditEndpoints();
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context,
        int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
