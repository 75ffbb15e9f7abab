using System.Security.Claims;
using System.Text.Encodings.Web;
using FourDuty.Host.Security.Policies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Security.AccessTokens;

/// <summary>
/// <c>Authorization: Bearer fdpat_…</c>: a personal access token signs the request in as the token's owner, who then
/// has the roles their account has now. The token itself never reaches a log or an error message.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "token";

    /// <summary>True when the request carries a bearer credential, which a browser never sends by itself.</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await tokens.FindActiveAsync(secret, Context.RequestAborted) is not { } token)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.Owner),
            new Claim(AccessClaims.Via, "token"),
            new Claim(AccessClaims.TokenId, token.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"FourDuty\", error=\"invalid_token\"";
        return base.HandleChallengeAsync(properties);
    }
}
