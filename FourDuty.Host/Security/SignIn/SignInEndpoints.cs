using System.Globalization;
using System.Security.Claims;
using FourDuty.Host.Security.Accounts;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static FourDuty.Host.TaskPages.TaskPageHtml;

namespace FourDuty.Host.Security.SignIn;

/// <summary>
/// The sign-in pages: plain server-rendered HTML with no script (the strict content security policy holds), every form
/// with an antiforgery token, Chinese first and English when the browser prefers it. Password sign-in counts failures
/// and locks the account after five (Identity's lockout); its posts are rate-limited per address.
/// </summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/account/signin";

    public static void MapSignInPages(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/signin", (string? returnUrl, string? error, HttpContext http, IAntiforgery antiforgery, IOptions<SecurityOptions> security) =>
            Form(http, antiforgery, security.Value, returnUrl, StatusCodes.Status200OK, error == "sso" ? SignInText.For(http.Request).SsoFailed : null))
            .AllowAnonymous();
        account.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.SignIn).Audited("signin");
        account.MapPost("/signout", SignOutAsync).AllowAnonymous().DisableAntiforgery().Audited("signout");
        account.MapAccountPage();
        account.MapGet("/denied", (HttpContext http) => Html(StatusCodes.Status403Forbidden, Message(SignInText.For(http.Request).Denied,
            SignInText.For(http.Request).DeniedText))).AllowAnonymous();
        account.MapGet("/sso", (string? returnUrl, IOptions<SecurityOptions> security) => security.Value.OpenIdConnect.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [SignInSchemes.OpenIdConnect])
            : Results.NotFound()).AllowAnonymous();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<Account> signIn, IOptions<SecurityOptions> security)
    {
        var text = SignInText.For(http.Request);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = form["user"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        AuditFilter.Note(http, actor: user.Length is > 0 and <= 64 ? user : "anonymous", via: "password");
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, security.Value, returnUrl, StatusCodes.Status400BadRequest, text.Stale);
        }

        var account = await signIn.UserManager.FindByNameAsync(user);
        var result = account is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(account, form["password"].ToString(), lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = TimeZoneInfo.ConvertTime(account!.LockoutEnd!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            return Form(http, antiforgery, security.Value, returnUrl, StatusCodes.Status401Unauthorized,
                string.Format(CultureInfo.InvariantCulture, text.LockedOut, until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (!result.Succeeded)
        {
            return Form(http, antiforgery, security.Value, returnUrl, StatusCodes.Status401Unauthorized, text.Wrong);
        }

        await http.SignInAsync(SignInSchemes.Cookie, Principal(account!.UserName!, "password"));
        return Results.Redirect(LocalOnly(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await http.SignOutAsync(SignInSchemes.Cookie);
        return Results.Redirect(SignInPath);
    }

    /// <summary>The principal a sign-in writes into the cookie: only who and how; roles are read afresh on each request.</summary>
    public static ClaimsPrincipal Principal(string accountName, string via) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, accountName), new Claim(AccessClaims.Via, via)], SignInSchemes.Cookie));

    /// <summary>A return address on this site only ("/path"); anything else ("//evil", "https://…") or none becomes the home page.</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, SecurityOptions security, string? returnUrl, int status, string? error)
    {
        var text = SignInText.For(http.Request);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var back = LocalOnly(returnUrl);
        var sso = security.OpenIdConnect.Enabled
            ? $"<p><a href=\"/account/sso?returnUrl={Uri.EscapeDataString(back)}\">{E(string.Format(CultureInfo.InvariantCulture, text.Sso, security.OpenIdConnect.DisplayName))}</a></p>"
            : "";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        return Html(status, Page(text.Title, $"""
            <h1>{E(text.Submit)}</h1>
            {(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
            <form method="post" action="{SignInPath}">
              <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken!)}">
              <input type="hidden" name="returnUrl" value="{E(back)}">
              <label for="user">{E(text.User)}</label>
              <input type="text" id="user" name="user" autocomplete="username" required>
              <label for="password">{E(text.Password)}</label>
              <input type="password" id="password" name="password" autocomplete="current-password" required>
              <button type="submit">{E(text.Submit)}</button>
            </form>
            {sso}
            <p class="muted">{E(text.LinkHint)}</p>
            """, text.Lang));
    }

    public static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}

/// <summary>The authentication schemes.</summary>
internal static class SignInSchemes
{
    /// <summary>Chooses the token scheme for a bearer request, else the cookie.</summary>
    public const string Default = "fourduty";

    public const string Cookie = "cookie";

    public const string OpenIdConnect = "oidc";
}
